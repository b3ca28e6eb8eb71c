using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>Real Debian libraries (scripts/install-test-deps.sh installs libjemalloc2, libmimalloc2.0, libgl1) in the dotnet host.</summary>
    [Collection(X86LoaderCollection.Name)]
    public sealed class DebianLibraryTests
    {
        private const string Multiarch = "/usr/lib/x86_64-linux-gnu/";
        private readonly X86Fixtures _fixtures;
        private readonly ITestOutputHelper _output;

        public DebianLibraryTests(X86Fixtures fixtures, ITestOutputHelper output)
        {
            _fixtures = fixtures;
            _output = output;
        }

        [Fact]
        public void Jemalloc_fails_with_its_remedy_and_the_suggested_tunable_or_a_preload_makes_it_load()
        {
            var jemalloc = System("libjemalloc.so.2", "libjemalloc2");
            var (report, outcome) = Agreement.Check(_fixtures.Dotnet, _output, new[] { jemalloc });
            var library = report.Libraries.Single();
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal("jemalloc", library.Remedy!.Known?.Name);
            Assert.Contains("--disable-initial-exec-tls", RemedyText.BuildFix(library.Remedy));
            Assert.Contains("disable_initial_exec_tls", RemedyText.BuildFix(library.Remedy));
            Assert.Contains("libjemalloc.so.2: cannot allocate memory in static TLS block", outcome.FirstFailure!.Message);

            var finding = report.Findings().Single(f => f.Id == "TLS001");
            Assert.Contains("R_X86_64_TPOFF64", finding.Message);
            Assert.Contains(library.Remedy.GlibcTunables!, finding.Message);
            Assert.Contains("LD_PRELOAD", finding.Message);

            // glibc 2.36 (read from /): nns=9 guarantees 2632 bytes, exactly jemalloc's block (the loader lab's figure).
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9", library.Remedy.GlibcTunables);
            var setting = library.Remedy.Tunable!.Setting;
            var (fed, loaded) = Agreement.Check(_fixtures.Dotnet, _output, new[] { jemalloc }, Agreement.Tunables(setting), Agreement.With(_fixtures.Dotnet, setting));
            Assert.Equal(Verdict.Fits, fed.Libraries.Single().Verdict);
            Assert.True(loaded.AllLoaded, loaded.Transcript);
            var preloaded = _fixtures.Dotnet.Load(new[] { jemalloc }, new Dictionary<string, string> { ["LD_PRELOAD"] = jemalloc });
            Assert.True(preloaded.AllLoaded, preloaded.Transcript);
            _output.WriteLine("| dotnet | libjemalloc.so.2 | " + library.Remedy.GlibcTunables + " fits and loads; LD_PRELOAD loads |");
        }

        [Fact]
        public void A_clean_library_needing_jemalloc_fails_with_the_chain()
        {
            var jemalloc = System("libjemalloc.so.2", "libjemalloc2");
            var path = JemallocUser("jemalloc-user", "libusesjemalloc.so", jemalloc);

            var (report, outcome) = Agreement.Check(_fixtures.Dotnet, _output, new[] { path });
            var library = report.Libraries.Single();
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal(new[] { "libusesjemalloc.so", "libjemalloc.so.2" }, library.Chain);
            Assert.Equal("jemalloc", library.Remedy!.Known?.Name);
            var finding = report.Findings().Single(f => f.Id == "TLS001");
            Assert.Contains("libusesjemalloc.so -> libjemalloc.so.2 needs 2632 bytes of static TLS", finding.Message);
            Assert.Equal("libusesjemalloc.so -> libjemalloc.so.2", finding.Properties["chain"]);
            Assert.Contains("libjemalloc.so.2: cannot allocate memory in static TLS block", outcome.FirstFailure!.Message);
        }

        [Fact]
        public void Without_a_sysroot_this_machine_stands_in_and_the_message_says_where_jemalloc_was_found_unless_turned_off()
        {
            var jemalloc = System("libjemalloc.so.2", "libjemalloc2");
            var path = JemallocUser("jemalloc-user-default", "libfoo.so", "-l:libjemalloc.so.2");

            var report = LoadAnalyzer.Analyze(new[] { new LibraryInput(path) }, new AnalysisOptions());
            var library = report.Libraries.Single();
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal(new[] { "libfoo.so", "libjemalloc.so.2" }, library.Chain);
            Assert.Equal(ModuleOrigin.ThisMachine, library.Offender!.Origin);
            var finding = report.Findings().Single(f => f.Id == "TLS001");
            Assert.Contains("libjemalloc.so.2 was found on this machine: ", finding.Message);
            Assert.EndsWith("libjemalloc.so.2", finding.Properties["offenderPath"]);
            Assert.Equal(File.ReadAllBytes(jemalloc), File.ReadAllBytes(finding.Properties["offenderPath"]));
            var outcome = _fixtures.Dotnet.Load(new[] { path });
            Assert.Contains("libjemalloc.so.2: cannot allocate memory in static TLS block", outcome.FirstFailure!.Message);

            var off = LoadAnalyzer.Analyze(new[] { new LibraryInput(path) }, new AnalysisOptions { SystemLibraries = SystemLibraries.Off });
            Assert.Equal(Verdict.None, off.Libraries.Single().Verdict);
            var missing = off.Findings().Single(f => f.Id == "TLS005");
            Assert.Contains("needs libjemalloc.so.2", missing.Message);
            Assert.Contains("TlsGuardSystemLibraries=false or --system-libraries off", missing.Message);
        }

        [Fact]
        public void Mimalloc_fits_on_glibc_quietly_and_fails_on_musl()
        {
            var mimalloc = System("libmimalloc.so.2", "libmimalloc2.0");
            var (report, _) = Agreement.Check(_fixtures.Dotnet, _output, new[] { mimalloc });
            Assert.Equal(Verdict.Fits, report.Libraries.Single().Verdict);
            Assert.DoesNotContain(report.Findings(), f => f.Id == "TLS001" || f.Id == "TLS002");

            // Debian's build is a glibc build: on musl that, not its TLS, is the headline (TLS009), with musl's own refusal quoted.
            var musl = LoadAnalyzer.Analyze(new[] { new LibraryInput(mimalloc) { RuntimeIdentifier = "linux-musl-x64" } }, new AnalysisOptions { Sysroot = "/" });
            var library = musl.Libraries.Single();
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal("mimalloc", library.Remedy!.Known?.Name);
            var finding = musl.Findings().Single(f => f.Id == "TLS009");
            Assert.Contains("was built for glibc (needs libc.so.6)", finding.Message);
            Assert.Contains("'Error relocating libmimalloc.so.2: __snprintf_chk: symbol not found'", finding.Message);
            Assert.Contains("it also needs 9 bytes of static TLS", finding.Message);
            Assert.DoesNotContain(musl.Findings(), f => f.Id == "TLS001");
        }

        [Theory]
        [InlineData("libGL.so.1")]
        [InlineData("libGLX_mesa.so.0")]
        [InlineData("libglapi.so.0")]
        [InlineData("libGLdispatch.so.0")]
        [InlineData("libEGL_mesa.so.0")]
        [InlineData("libOpenGL.so.0")]
        public void Gl_family_fits_on_glibc_without_a_warning(string soname)
        {
            var path = System(soname, "libgl1");
            var (report, _) = Agreement.Check(_fixtures.Dotnet, _output, new[] { path });
            var library = report.Libraries.Single();
            Assert.Equal(Verdict.Fits, library.Verdict);
            Assert.All(library.Consumers, c => Assert.True(c.Size <= 64, c.Name + " " + c.Size));
            Assert.DoesNotContain(report.Findings(), f => f.Id == "TLS001" || f.Id == "TLS002" || f.Id == "TLS006");
        }

        [Fact]
        public void LibGL_initial_exec_lands_on_libGLdispatch()
        {
            var gl = System("libGL.so.1", "libgl1");
            var library = Agreement.Predict(_fixtures.Dotnet, new[] { gl }).Libraries.Single();
            var consumer = library.Consumers.Single();
            Assert.Equal("libGLdispatch.so.0", consumer.Name);
            Assert.Contains("_glapi_tls_Current", consumer.Symbols);
        }

        [Theory]
        [InlineData("libm.so.6")]
        [InlineData("libresolv.so.2")]
        public void Glibc_family_libraries_reaching_errno_are_free(string soname)
        {
            var path = System(soname, "libc6");
            var (report, _) = Agreement.Check(_fixtures.Dotnet, _output, new[] { path });
            Assert.Equal(Verdict.None, report.Libraries.Single().Verdict);
            Assert.Empty(report.Findings());
        }

        [Fact]
        public void All_of_them_together_fail_only_because_of_jemalloc()
        {
            var paths = new[] { "libmimalloc.so.2", "libGL.so.1", "libGLX_mesa.so.0", "libEGL_mesa.so.0", "libresolv.so.2" }
                .Select(n => System(n, "libgl1 libmimalloc2.0")).ToList();
            var (report, _) = Agreement.Check(_fixtures.Dotnet, _output, paths);
            Assert.NotEqual(Verdict.Fails, report.Budgets.Single().Verdict);
            paths.Add(System("libjemalloc.so.2", "libjemalloc2"));
            var (withJemalloc, _) = Agreement.Check(_fixtures.Dotnet, _output, paths);
            Assert.Equal(Verdict.Fails, withJemalloc.Budgets.Single().Verdict);
            Assert.Single(withJemalloc.Findings(), f => f.Id == "TLS001");
        }

        /// <summary>A clean library that needs jemalloc (linked as <paramref name="jemalloc"/>: a path or -l:name), built in its own folder.</summary>
        private string JemallocUser(string folderName, string soname, string jemalloc)
        {
            var folder = Path.Combine(_fixtures.Set.Folder, folderName);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, soname);
            var prefix = Path.GetFileNameWithoutExtension(soname).Substring("lib".Length);
            Toolchain.Gcc.Compile(
                path,
                "void *mallocx(unsigned long size, int flags);\nint " + prefix + "_touch(void) { return mallocx(16, 0) != 0; }\n",
                new[] { "-shared", "-fPIC", "-Wl,-soname," + soname, "-Wl,--no-as-needed", jemalloc });
            return path;
        }

        private static string System(string soname, string package)
        {
            var path = Multiarch + soname;
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(path + " is missing; install " + package + " (scripts/install-test-deps.sh)");
            }

            return path;
        }
    }
}
