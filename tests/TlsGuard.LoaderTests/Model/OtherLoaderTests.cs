using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>Verdicts for glibc before 2.32, musl, bionic and FreeBSD, and how the target is chosen.</summary>
    public sealed class OtherLoaderTests
    {
        [Fact]
        public void Glibc_before_2_32_puts_any_static_tls_at_risk_and_offers_only_ld_preload()
        {
            using var libraries = new FakeLibraries();
            var small = libraries.Add("libsmall.so", LibrarySpec.InitialExec("libsmall.so", 16));
            var big = libraries.Add("libbig.so", LibrarySpec.InitialExec("libbig.so", 2632));
            var report = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.28" }, small, big);
            var smallVerdict = report.Library(small);
            Assert.Equal(Verdict.AtRisk, smallVerdict.Verdict);
            Assert.Equal("glibc-2.28", smallVerdict.Libc.Name);
            Assert.Contains("25051", ReasonText.Of(smallVerdict));
            var bigVerdict = report.Library(big);
            Assert.Equal(Verdict.Fails, bigVerdict.Verdict);
            Assert.Null(bigVerdict.Remedy!.GlibcTunables);
            Assert.Contains("LD_PRELOAD=/path/to/libbig.so", RemedyText.RuntimeWorkaround(bigVerdict.Remedy));
            Assert.DoesNotContain("GLIBC_TUNABLES", RemedyText.Summary(bigVerdict.Remedy));
        }

        [Fact]
        public void Musl_refuses_even_a_tiny_block_and_names_the_mimalloc_fix()
        {
            using var libraries = new FakeLibraries();
            // Needs no C library by name, so only the loaders' TLS rules decide (a glibc or musl build would be TLS009 on the other).
            var path = libraries.Add("libmimalloc.so.2", LibrarySpec.InitialExec("libmimalloc.so.2", 9) with { Needed = new string[0] });
            var glibc = Analysis.Run(libraries, Analysis.Glibc236, path).Library(path);
            Assert.Equal(Verdict.Fits, glibc.Verdict);

            var report = LoadAnalyzer.Analyze(new[] { new LibraryInput(path) { RuntimeIdentifier = "linux-musl-x64" } }, new AnalysisOptions(), libraries);
            var musl = report.Library(path);
            Assert.Equal(Verdict.Fails, musl.Verdict);
            Assert.Equal("musl", musl.Libc.Name);
            Assert.Equal("mimalloc", musl.Remedy!.Known?.Name);
            Assert.Contains("MI_LOCAL_DYNAMIC_TLS=ON", RemedyText.Summary(musl.Remedy));
            Assert.Null(musl.Remedy.GlibcTunables);
            var finding = report.WithId("TLS001").Single();
            Assert.Contains("on musl (x86_64)", finding.Message);
            Assert.Contains("resolves to dynamic definition", finding.Message);
        }

        [Fact]
        public void Musl_ignores_initial_exec_references_into_its_startup_libc()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libuses_errno.so", new LibrarySpec { Soname = "libuses_errno.so", Imports = new[] { "errno" }, Needed = new[] { "libc.musl-x86_64.so.1" } });
            var report = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "musl" }, path);
            Assert.Equal(Verdict.None, report.Library(path).Verdict);
            Assert.Empty(report.Findings());
        }

        [Fact]
        public void Bionic_fails_with_its_own_wording_and_no_preload_workaround()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libgo.so", new LibrarySpec { Soname = "libgo.so", Tls = 16, OwnRelocations = 1, Defines = new[] { "runtime.tlsg" }, Machine = "aarch64" });
            var report = LoadAnalyzer.Analyze(new[] { new LibraryInput(path) { RuntimeIdentifier = "android-arm64" } }, new AnalysisOptions { AndroidApiLevel = 29 }, libraries);
            var library = report.Library(path);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal("bionic-29", library.Libc.Name);
            Assert.Equal("Go c-shared", library.Remedy!.Known?.Name);
            Assert.Contains("bionic refuses initial-exec TLS", ReasonText.Of(library));
            Assert.Contains("will fail to load with dlopen ('TLS symbol ... in dlopened ... using IE access model')", report.WithId("TLS001").Single().Message);
            Assert.Contains("cannot preload", RemedyText.RuntimeWorkaround(library.Remedy));
        }

        [Fact]
        public void FreeBsd_has_128_spare_bytes_and_counts_flagged_blocks_without_relocations()
        {
            using var libraries = new FakeLibraries();
            var fits = libraries.Add("libfits.so", LibrarySpec.InitialExec("libfits.so", 100) with { Needed = new string[0] });
            var flagged = libraries.Add("libflag.so", new LibrarySpec { Soname = "libflag.so", Tls = 64, Flag = true });
            var options = new AnalysisOptions { TargetLibc = "freebsd" };

            var alone = Analysis.Run(libraries, options, fits);
            Assert.Equal(Verdict.Fits, alone.Library(fits).Verdict);

            var flagOnly = Analysis.Run(libraries, options, flagged);
            Assert.Equal(Verdict.Fits, flagOnly.Library(flagged).Verdict);
            Assert.True(flagOnly.Library(flagged).Consumers.Single().ByFlagOnly);
            Assert.Single(flagOnly.WithId("TLS007"));

            var together = Analysis.Run(libraries, options, fits, flagged);
            Assert.Equal(Verdict.Fails, together.Budgets.Single().Verdict);
            Assert.Equal("LD_STATIC_TLS_EXTRA=171", together.Budgets.Single().Remedy!.LdStaticTlsExtra);
            Assert.Equal(128, together.Budgets.Single().ReserveBytes);
            Assert.Single(together.WithId("TLS006"));

            var glibc = Analysis.Run(libraries, Analysis.Glibc236, flagged);
            Assert.Equal(Verdict.None, glibc.Library(flagged).Verdict);
        }

        [Fact]
        public void FreeBsd_fails_a_block_larger_than_128_bytes()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libbig.so", LibrarySpec.InitialExec("libbig.so", 200) with { Needed = new[] { "libc.so.7" } });
            var library = LoadAnalyzer.Analyze(new[] { new LibraryInput(path) { RuntimeIdentifier = "freebsd-x64" } }, new AnalysisOptions(), libraries).Library(path);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal("freebsd", library.Libc.Name);
        }

        [Fact]
        public void Bionic_before_api_29_fails_a_tlsdesc_only_library()
        {
            // bionic android-changes-for-ndk-developers.md: "ELF TLS (Available for API level >= 29)"; below it any PT_TLS in a
            // dlopen'd library fails, whatever the TLS model.
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libdesc.so", new LibrarySpec { Soname = "libdesc.so", Tls = 64, DescriptorRelocations = 2, Machine = "aarch64", Needed = new string[0] });
            var report = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "bionic-28" }, path);
            var library = report.Library(path);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal(BudgetRule.NoElfTls, library.Budget!.Rule);
            var finding = report.WithId("TLS001").Single();
            Assert.Contains("will fail to load with dlopen ('unknown reloc type')", finding.Message);
            Assert.Contains("on Android bionic (API 28) (aarch64)", finding.Message);
            Assert.Contains("raise the app's minimum Android API level to 29", finding.Message);
            Assert.Contains("-femulated-tls", finding.Message);

            // API 29 has ELF TLS and descriptors resolve dynamically: nothing to say.
            Assert.Equal(Verdict.None, Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "bionic-29" }, path).Library(path).Verdict);

            // An android RID takes the project's minimum API level; without one, .NET's lowest (21) is judged.
            var input = new[] { new LibraryInput(path) { RuntimeIdentifier = "android-arm64" } };
            Assert.Equal(Verdict.None, LoadAnalyzer.Analyze(input, new AnalysisOptions { AndroidApiLevel = 29 }, libraries).Library(path).Verdict);
            var unversioned = LoadAnalyzer.Analyze(input, new AnalysisOptions(), libraries).Library(path);
            Assert.Equal(Verdict.Fails, unversioned.Verdict);
            Assert.Equal(new System.Version(21, 0), unversioned.Budget!.Judged.From);
            Assert.Equal(LibcVersionSource.SupportedRange, unversioned.Budget.Judged.Source);
        }

        [Fact]
        public void FreeBsd_ld_static_tls_extra_covers_the_block_wherever_the_startup_tls_ends()
        {
            // rtld-elf/amd64/rtld_machdep.h: off = round(prev_offset + size, align), end = off; the spare bytes start at the last
            // startup offset, whose alignment is unknown: 200 bytes aligned to 8 need round(r + 200, 8) - r, at most 207 (r = 1).
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libbig.so", LibrarySpec.InitialExec("libbig.so", 200) with { Needed = new[] { "libc.so.7" } });
            var report = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "freebsd" }, path);
            var library = report.Library(path);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal("LD_STATIC_TLS_EXTRA=207", library.Remedy!.LdStaticTlsExtra);
            Assert.Contains("set LD_STATIC_TLS_EXTRA=207", RemedyText.RuntimeWorkaround(library.Remedy));
            Assert.Contains("LD_PRELOAD=/path/to/libbig.so", RemedyText.RuntimeWorkaround(library.Remedy));
            Assert.Contains("will fail to load with dlopen ('No space available for static Thread Local Storage')", report.WithId("TLS001").Single().Message);
            for (var residue = 0; residue < 8; residue++)
            {
                Assert.True(StaticTlsMath.RoundUp(residue + 200, 8) - residue <= 207);
            }

            // Variant I (aarch64): off = round(prev_offset + prev_size, align), end = off + size: round(r, 8) + 200 - r, also 207.
            var arm = libraries.Add("arm/libbig.so", LibrarySpec.InitialExec("libbig.so", 200, machine: "aarch64") with { Needed = new[] { "libc.so.7" } });
            Assert.Equal("LD_STATIC_TLS_EXTRA=207", Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "freebsd" }, arm).Library(arm).Remedy!.LdStaticTlsExtra);

            // A block that fits from an aligned start but not from every start is at risk, with the value that always holds.
            var edge = libraries.Add("edge/libedge.so", LibrarySpec.InitialExec("libedge.so", 128) with { Needed = new[] { "libc.so.7" } });
            var atRisk = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "freebsd" }, edge).Library(edge);
            Assert.Equal(Verdict.AtRisk, atRisk.Verdict);
            Assert.Equal("LD_STATIC_TLS_EXTRA=135", atRisk.Remedy!.LdStaticTlsExtra);
        }

        [Fact]
        public void A_library_built_with_tsan_gets_the_fix_for_libtsan_only_and_no_tunable()
        {
            using var libraries = new FakeLibraries();
            var app = libraries.Add("libapp.so", LibrarySpec.Clean("libapp.so", "libtsan.so.2", "libc.so.6") with { Runpath = new[] { "$ORIGIN" } });
            libraries.Add("libtsan.so.2", LibrarySpec.InitialExec("libtsan.so.2", 785760, align: 64));
            var report = Analysis.Run(libraries, Analysis.Glibc236, app);
            var library = report.Library(app);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal("ThreadSanitizer runtime (libtsan)", library.Remedy!.Known!.Name);
            Assert.Null(library.Remedy.GlibcTunables);
            var summary = RemedyText.Summary(library.Remedy);
            Assert.Contains("-fsanitize=thread", summary);
            Assert.Contains("LD_PRELOAD=$(gcc -print-file-name=libtsan.so)", summary);
            Assert.DoesNotContain("libasan", summary);
            Assert.DoesNotContain("GLIBC_TUNABLES", summary);
            Assert.Null(report.Budgets.Single().Remedy);
        }

        [Theory]
        [InlineData("glibc", LibcKind.Glibc, "glibc", "glibc-2.32+")]
        [InlineData("glibc-2.32+", LibcKind.Glibc, "glibc", "glibc-2.32+")]
        [InlineData("GLIBC-2.28", LibcKind.Glibc, "glibc-2.28", "glibc-2.28")]
        [InlineData("glibc2.31", LibcKind.Glibc, "glibc-2.31", "glibc-2.31")]
        [InlineData("glibc-2.32", LibcKind.Glibc, "glibc-2.32", "glibc-2.32")]
        [InlineData("glibc 2.39", LibcKind.Glibc, "glibc-2.39", "glibc-2.39")]
        [InlineData("musl", LibcKind.Musl, "musl", "musl")]
        [InlineData("android", LibcKind.Bionic, "bionic", "bionic")]
        [InlineData("bionic-28", LibcKind.Bionic, "bionic-28", "bionic-28")]
        [InlineData("freebsd", LibcKind.FreeBsd, "freebsd", "freebsd")]
        public void Target_names_parse(string text, LibcKind kind, string name, string fingerprintName)
        {
            Assert.True(TargetLibc.TryParse(text, out var libc));
            Assert.Equal(kind, libc.Kind);
            Assert.Equal(name, libc.Name);
            Assert.Equal(fingerprintName, libc.FingerprintName);
        }

        [Theory]
        [InlineData("")]
        [InlineData("uclibc")]
        [InlineData("glibc-two")]
        [InlineData("glibc-2")]
        public void Unknown_target_names_are_rejected(string text)
        {
            Assert.False(TargetLibc.TryParse(text, out _));
        }

        [Fact]
        public void Analyze_rejects_an_unknown_target_instead_of_guessing()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", 16));
            Assert.Throws<System.ArgumentException>(() => Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "uclibc" }, path));
        }

        [Theory]
        [InlineData("linux-x64", LibcKind.Glibc)]
        [InlineData("linux-arm64", LibcKind.Glibc)]
        [InlineData("linux-musl-x64", LibcKind.Musl)]
        [InlineData("linux-musl-arm64", LibcKind.Musl)]
        [InlineData("android-arm64", LibcKind.Bionic)]
        [InlineData("linux-bionic-arm64", LibcKind.Bionic)]
        [InlineData("freebsd-x64", LibcKind.FreeBsd)]
        [InlineData(null, LibcKind.Glibc)]
        public void Runtime_identifiers_pick_the_c_library(string? rid, LibcKind kind)
        {
            Assert.Equal(kind, TargetLibc.FromRuntimeIdentifier(rid).Kind);
        }

        [Fact]
        public void The_input_rid_wins_over_the_build_rid_and_the_explicit_target_wins_over_both()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", 16));
            var input = new LibraryInput(path) { RuntimeIdentifier = "linux-x64" };
            var byInput = LoadAnalyzer.Analyze(new[] { input }, new AnalysisOptions { RuntimeIdentifier = "linux-musl-x64" }, libraries);
            Assert.Equal("glibc", byInput.Library(path).Libc.Name);
            var noInputRid = LoadAnalyzer.Analyze(new[] { new LibraryInput(path) }, new AnalysisOptions { RuntimeIdentifier = "linux-musl-x64" }, libraries);
            Assert.Equal("musl", noInputRid.Library(path).Libc.Name);
            var explicitTarget = LoadAnalyzer.Analyze(new[] { input }, new AnalysisOptions { TargetLibc = "musl" }, libraries);
            Assert.Equal("musl", explicitTarget.Library(path).Libc.Name);
        }

        [Fact]
        public void Libraries_of_different_c_libraries_and_machines_get_separate_budgets()
        {
            using var libraries = new FakeLibraries();
            var x64 = libraries.Add("x64/libie.so", LibrarySpec.InitialExec("libie.so", 1000));
            var arm64 = libraries.Add("arm64/libie.so", LibrarySpec.InitialExec("libie.so", 1000, machine: "aarch64"));
            var musl = libraries.Add("musl/libie.so", LibrarySpec.InitialExec("libie.so", 1000) with { Needed = new[] { "libc.musl-x86_64.so.1" } });
            var report = LoadAnalyzer.Analyze(
                new[]
                {
                    new LibraryInput(x64) { RuntimeIdentifier = "linux-x64" },
                    new LibraryInput(arm64) { RuntimeIdentifier = "linux-arm64" },
                    new LibraryInput(musl) { RuntimeIdentifier = "linux-musl-x64" },
                },
                new AnalysisOptions(),
                libraries);
            Assert.Equal(3, report.Budgets.Count);
            Assert.Contains(report.Budgets, b => b.Libc.Name == "glibc" && b.Platform.Name == "x86_64" && b.Verdict == Verdict.AtRisk && b.RequiredBytes == 1000);
            Assert.Contains(report.Budgets, b => b.Libc.Name == "glibc" && b.Platform.Name == "aarch64" && b.Verdict == Verdict.Fails);
            Assert.Contains(report.Budgets, b => b.Libc.Name == "musl" && b.Verdict == Verdict.Fails);
        }
    }
}
