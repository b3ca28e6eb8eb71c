using System.Collections.Generic;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Knowledge
{
    /// <summary>
    /// The libraries behind most "cannot allocate memory in static TLS block" reports, with their fixes. An entry is kept
    /// only for a library whose TLS was verified by scanning a real binary (<see cref="KnownOffender.Verified"/>;
    /// readelf -lrW, and the scanner in tests/TlsGuard.LoaderTests/Model/KnowledgeTests for the Debian packages) and
    /// cites the upstream issue or commit that settles its advice.
    /// </summary>
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
                Verified = "Debian libjemalloc2 5.3.0 libjemalloc.so.2: PT_TLS 2632 bytes aligned to 8, one R_X86_64_TPOFF64 against its own block",
                References = "jemalloc/jemalloc#937; jemalloc/jemalloc PR #1180 (--disable-initial-exec-tls, 5.1.0); tikv/jemallocator#59; gnzlbg/jemallocator#111",
            },
            new KnownOffender
            {
                Name = "mimalloc",
                FileNames = new[] { "libmimalloc*.so*", "libmimalloc*.a" },
                Symbols = new[] { "_mi_heap_default", "*mi_heap_default*" },
                BuildFix = "rebuild mimalloc with CMake -DMI_LOCAL_DYNAMIC_TLS=ON; from Rust, enable the libmimalloc-sys (mimalloc crate) feature local_dynamic_tls",
                RuntimeNote = "a preloaded mimalloc built with MI_OVERRIDE also replaces the process's malloc",
                Verified = "Debian libmimalloc2.0 2.0.9 libmimalloc.so.2: PT_TLS 9 bytes aligned to 8, two R_X86_64_TPOFF64",
                References = "microsoft/mimalloc#147; microsoft/mimalloc PR #148 (MI_LOCAL_DYNAMIC_TLS); microsoft/mimalloc#644; purpleprotocol/mimalloc_rust#38, #138",
            },
            new KnownOffender
            {
                Name = "gperftools (tcmalloc)",
                FileNames = new[] { "libtcmalloc*.so*", "libprofiler.so*", "libtcmalloc*.a" },
                Symbols = new[] { "*tcmalloc*", "*ThreadCache*threadlocal_data*" },
                BuildFix = "link tcmalloc into the program itself (-ltcmalloc on the executable's link line), not only into a library loaded later: upstream keeps its thread cache initial-exec on purpose (a malloc replacement is not meant to be dlopen'ed) and has no switch for it",
                RuntimeFix = "preload it before the process starts (LD_PRELOAD=/path/to/the libtcmalloc that is loaded); it then also becomes the process's malloc",
                Verified = "Debian libtcmalloc-minimal4 2.10 libtcmalloc_minimal.so.4: PT_TLS 88 bytes aligned to 64, R_X86_64_TPOFF64 to tcmalloc::ThreadCache::threadlocal_data_",
                References = "gperftools/gperftools#84 (initial-exec for the thread cache: \"can only be used in shared libraries that are never dlopened\"); gperftools/gperftools PR #1080 (more initial-exec TLS against a malloc deadlock during dlopen, like commit 7852eeb7)",
            },
            new KnownOffender
            {
                Name = "libgomp (GCC OpenMP)",
                FileNames = new[] { "libgomp.so*", "libgomp-*.so*" },
                Symbols = new[] { "gomp_tls_data", "gomp_tls_key" },
                BuildFix = "GCC builds libgomp with -ftls-model=initial-exec: rebuild it global-dynamic, or target glibc 2.32+ where the reserve is managed (on aarch64 keep TLSDESC users in mind)",
                RuntimeNote = "preload the exact copy the library loads: a bundled libgomp-<hash>.so.1 is a different module from the system libgomp.so.1; loading it first also works",
                Verified = "Debian libgomp1 12.2.0 libgomp.so.1: PT_TLS 136 bytes aligned to 16, three R_X86_64_TPOFF64 against its own block",
                References = "glibc BZ 25051; opencv/opencv#14884; scikit-learn/scikit-learn#17231; dotnet/runtime#53002",
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
                Verified = "Debian 12 libglx-mesa0/libglvnd0: libGLX_mesa.so.0 8/8 (R_X86_64_TPOFF64 _glapi_tls_Dispatch), libglapi.so.0 16/8, libGLdispatch.so.0 8/8 (_glapi_tls_Current), libEGL_mesa.so.0 64/8",
                References = "NVIDIA/libglvnd meson option tls; Alpine/Void musl GL packaging",
            },
            new KnownOffender
            {
                Name = "Go c-shared",
                Symbols = new[] { "runtime.tlsg", "runtime.tls_g" },
                BuildFix = "Go's -buildmode=c-shared always uses initial-exec TLS and has no upstream fix yet (golang/go#54805, proposal #71953); load the Go library at startup instead",
                RuntimeNote = "preloading puts the Go runtime's TLS in the startup set",
                Verified = "a c-shared library built with Debian golang-go 1.19: PT_TLS 8 bytes aligned to 8, one R_X86_64_TPOFF64 against its own block (runtime.tlsg, a local symbol)",
                References = "golang/go#54805, #13492, #48596, #71953",
            },
            Sanitizer("AddressSanitizer runtime (libasan)", "libasan.so*", "__asan", "address", "libasan.so",
                "Debian libasan8 (GCC 12) libasan.so.8: PT_TLS 84 bytes aligned to 8, two R_X86_64_TPOFF64",
                "google/sanitizers#796 (\"ASan runtime does not come first in initial library list; you should either link runtime to your application or manually preload it with LD_PRELOAD\")"),
            Sanitizer("ThreadSanitizer runtime (libtsan)", "libtsan.so*", "__tsan", "thread", "libtsan.so",
                "Debian libtsan2 (GCC 12) libtsan.so.2: PT_TLS 785760 bytes aligned to 64, two R_X86_64_TPOFF64",
                "google/sanitizers#1686, #1856; cms-sw/cmssw#33936"),
            Sanitizer("LeakSanitizer runtime (liblsan)", "liblsan.so*", "__lsan", "leak", "liblsan.so",
                "Debian liblsan0 (GCC 12) liblsan.so.0: PT_TLS 56240 bytes aligned to 8, two R_X86_64_TPOFF64",
                "google/sanitizers#796"),
            Sanitizer("UndefinedBehaviorSanitizer runtime (libubsan)", "libubsan.so*", "__ubsan", "undefined", "libubsan.so",
                "Debian libubsan1 (GCC 12) libubsan.so.1: PT_TLS 32 bytes aligned to 8, one R_X86_64_TPOFF64",
                "google/sanitizers#796"),
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

        /// <summary>
        /// A sanitizer runtime must be in the initial load set: its own check aborts otherwise (ASan), and its static TLS
        /// can be far beyond any reserve (TSan). The fix names that runtime only: link the program with the sanitizer, or
        /// preload exactly that runtime.
        /// </summary>
        private static KnownOffender Sanitizer(string name, string fileName, string symbolStem, string option, string runtime, string verified, string references)
        {
            return new KnownOffender
            {
                Name = name,
                FileNames = new[] { fileName },
                Symbols = new[] { "*" + symbolStem + "*" },
                BuildFix = "sanitizer runtimes must be in the initial load set: link the host program itself with -fsanitize=" + option + " rather than only the dlopen'd library",
                RuntimeFix = "preload this runtime before the process starts: LD_PRELOAD=$(gcc -print-file-name=" + runtime + ") (the one the library was built against); no tunable helps, the runtime must load first",
                Verified = verified,
                References = references,
            };
        }
    }
}
