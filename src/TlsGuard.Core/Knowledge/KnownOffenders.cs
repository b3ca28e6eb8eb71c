using System.Collections.Generic;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Knowledge
{
    /// <summary>The libraries behind most "cannot allocate memory in static TLS block" reports, with their fixes.</summary>
    public static class KnownOffenders
    {
        public static IReadOnlyList<KnownOffender> All { get; } = new[]
        {
            new KnownOffender
            {
                Name = "jemalloc",
                FileNames = new[] { "libjemalloc.so*", "libjemalloc*.a" },
                Symbols = new[] { "*je_tsd_tls", "tsd_tls" },
                BuildFix = "rebuild jemalloc with ./configure --disable-initial-exec-tls (jemalloc 5.1+); from Rust, enable the tikv-jemalloc-sys (or jemalloc-sys) feature disable_initial_exec_tls",
                RuntimeNote = "preloading jemalloc also makes it the process's malloc",
                References = "jemalloc/jemalloc#937, #1180; tikv/jemallocator#59; gnzlbg/jemallocator#111",
            },
            new KnownOffender
            {
                Name = "mimalloc",
                FileNames = new[] { "libmimalloc*.so*", "libmimalloc*.a" },
                Symbols = new[] { "_mi_heap_default", "*mi_heap_default*" },
                BuildFix = "rebuild mimalloc with CMake -DMI_LOCAL_DYNAMIC_TLS=ON; from Rust, enable the libmimalloc-sys (mimalloc crate) feature local_dynamic_tls",
                RuntimeNote = "a preloaded mimalloc built with MI_OVERRIDE also replaces the process's malloc",
                References = "microsoft/mimalloc#147, #148, #644; purpleprotocol/mimalloc_rust#38, #138",
            },
            new KnownOffender
            {
                Name = "gperftools (tcmalloc)",
                FileNames = new[] { "libtcmalloc*.so*", "libprofiler.so*", "libtcmalloc*.a" },
                Symbols = new[] { "*tcmalloc*", "*ThreadCache*threadlocal_data*" },
                BuildFix = "gperftools has no switch for it: patch its thread-cache TLS to the global-dynamic model, or link tcmalloc into the executable instead of a dlopen'd library",
                RuntimeNote = "tcmalloc is meant to be loaded at startup; preloading it also makes it the process's malloc",
                References = "gperftools/gperftools#1080; EESSI/software-layer#585",
            },
            new KnownOffender
            {
                Name = "libgomp (GCC OpenMP)",
                FileNames = new[] { "libgomp.so*", "libgomp-*.so*" },
                Symbols = new[] { "gomp_tls_data", "gomp_tls_key" },
                BuildFix = "GCC builds libgomp with -ftls-model=initial-exec: rebuild it global-dynamic, or target glibc 2.32+ where the reserve is managed (on aarch64 keep TLSDESC users in mind)",
                RuntimeNote = "preload the exact copy the library loads: a bundled libgomp-<hash>.so.1 is a different module from the system libgomp.so.1; loading it first also works",
                References = "opencv/opencv#14884; scikit-learn/scikit-learn#17231; dotnet/runtime#53002; glibc BZ 25051",
            },
            new KnownOffender
            {
                Name = "Mesa / libglvnd",
                FileNames = new[]
                {
                    "libGLX_mesa.so*", "libglapi.so*", "libGLdispatch.so*", "*_dri.so", "libEGL_mesa.so*", "libGL.so*", "libGLX.so*",
                    "libEGL.so*", "libOpenGL.so*", "libGLESv2.so*", "libGLESv1_CM.so*", "libgallium*.so*",
                },
                Symbols = new[] { "_glapi_tls_*", "__glX_tls_*", "_mesa_glapi_tls_*", "u_current_*" },
                BuildFix = "the blocks are a few bytes and fit glibc's reserve; for musl build libglvnd with -Dtls=disabled (and Mesa without initial-exec glapi TLS)",
                RuntimeNote = "on glibc nothing is needed unless other libraries use up the reserve",
                References = "NVIDIA/libglvnd meson option tls; Alpine/Void musl GL packaging",
            },
            new KnownOffender
            {
                Name = "Go c-shared",
                Symbols = new[] { "runtime.tlsg", "runtime.tls_g" },
                BuildFix = "Go's -buildmode=c-shared always uses initial-exec TLS and has no upstream fix yet (golang/go#54805, proposal #71953); load the Go library at startup instead",
                RuntimeNote = "preloading puts the Go runtime's TLS in the startup set",
                References = "golang/go#54805, #13492, #48596, #71953",
            },
            new KnownOffender
            {
                Name = "libunwind",
                FileNames = new[] { "libunwind.so.8*", "libunwind-*.so*", "libunwind.a" },
                Symbols = new[] { "tls_cache", "*_tls_cache" },
                BuildFix = "rebuild libunwind with its per-thread cache (tls_cache) in the global-dynamic model: drop its tls_model(\"initial-exec\") attribute",
                RuntimeNote = "",
                References = "libunwind/libunwind#292",
            },
            new KnownOffender
            {
                Name = "sanitizer runtime",
                FileNames = new[] { "libasan.so*", "libtsan.so*", "liblsan.so*", "libubsan.so*", "libhwasan.so*", "libclang_rt.*.so" },
                Symbols = new[] { "__asan_*", "__tsan_*", "__lsan_*", "__ubsan_*", "__hwasan_*" },
                BuildFix = "sanitizer runtimes must be in the initial load set: link the sanitizer into the host executable rather than only into the dlopen'd library",
                RuntimeNote = "preload the runtime, e.g. LD_PRELOAD=$(gcc -print-file-name=libasan.so)",
                References = "GCC/LLVM sanitizer documentation",
            },
        };

        /// <summary>The generic advice for a library no entry matches.</summary>
        public const string GenericBuildFix =
            "rebuild it with -fPIC and the default global-dynamic TLS model, or -mtls-dialect=gnu2 (TLS descriptors); do not use -ftls-model=initial-exec or __attribute__((tls_model(\"initial-exec\")))";

        /// <summary>The first entry whose file-name pattern matches the soname or file name, else whose symbol pattern matches one of the names.</summary>
        public static KnownOffender? Match(string? soname, string? fileName, IEnumerable<string> tlsSymbols)
        {
            foreach (var offender in All)
            {
                foreach (var pattern in offender.FileNames)
                {
                    if ((soname != null && NamePattern.Matches(pattern, soname, ignoreCase: true))
                        || (fileName != null && NamePattern.Matches(pattern, fileName, ignoreCase: true)))
                    {
                        return offender;
                    }
                }
            }

            var symbols = new List<string>(tlsSymbols);
            foreach (var offender in All)
            {
                foreach (var pattern in offender.Symbols)
                {
                    foreach (var symbol in symbols)
                    {
                        if (NamePattern.Matches(pattern, symbol))
                        {
                            return offender;
                        }
                    }
                }
            }

            return null;
        }
    }
}
