using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>Unreadable files, object code and the DF_STATIC_TLS hint.</summary>
    public sealed class FileFindingTests
    {
        [Fact]
        public void An_unreadable_file_is_a_tls004_finding_not_an_exception()
        {
            using var libraries = new FakeLibraries();
            var bad = libraries.AddResults("libbad.so", p => new[] { new ElfScanResult { Path = p, Error = "truncated program header table" } });
            var report = Analysis.Run(libraries, bad);
            var finding = report.WithId("TLS004").Single();
            Assert.Contains("truncated program header table", finding.Message);
            Assert.Equal("TLS004|libbad.so", finding.Fingerprint);
            Assert.Equal(Verdict.None, report.Library(bad).Verdict);
        }

        [Fact]
        public void A_file_the_scanner_returns_nothing_for_is_unreadable_too()
        {
            using var libraries = new FakeLibraries();
            var empty = libraries.AddResults("libempty.so", p => new ElfScanResult[0]);
            Assert.Single(Analysis.Run(libraries, empty).WithId("TLS004"));
        }

        [Fact]
        public void A_scan_source_that_throws_becomes_an_unreadable_finding()
        {
            var report = LoadAnalyzer.Analyze(new[] { new LibraryInput("/nowhere/libx.so") }, new AnalysisOptions(), new ThrowingSource());
            Assert.Contains("disk on fire", report.WithId("TLS004").Single().Message);
        }

        [Fact]
        public void Archive_members_with_initial_exec_code_give_one_tls003_for_the_archive()
        {
            using var libraries = new FakeLibraries();
            var archive = libraries.AddResults("libjemalloc_pic.a", p => new[]
            {
                new LibrarySpec { Type = "rel", ArchiveMember = "tsd.o", ObjectModel = TlsAccessModel.InitialExec, Imports = new[] { "je_tsd_tls" } }.Build(p),
                new LibrarySpec { Type = "rel", ArchiveMember = "arena.o" }.Build(p),
                new LibrarySpec { Type = "rel", ArchiveMember = "ctl.o", ObjectModel = TlsAccessModel.InitialExec, Imports = new[] { "je_tsd_tls", "other" } }.Build(p),
            });
            var report = Analysis.Run(libraries, archive);
            var finding = report.WithId("TLS003").Single();
            Assert.Contains("2 of 3 members: tsd.o, ctl.o", finding.Message);
            Assert.Contains("3 R_X86_64_GOTTPOFF relocations", finding.Message);
            Assert.Contains("initial-exec model", finding.Message);
            Assert.Contains("--disable-initial-exec-tls", finding.Message);
            Assert.Equal("TLS003|libjemalloc_pic.a|initial-exec|R_X86_64_GOTTPOFF", finding.Fingerprint);
            Assert.Equal(3, report.Libraries.Count);
            Assert.Equal(2, report.Libraries.Count(l => l.Verdict == Verdict.AtRisk));
        }

        [Fact]
        public void A_global_dynamic_object_file_gives_no_finding()
        {
            using var libraries = new FakeLibraries();
            var gd = libraries.Add("gd.o", new LibrarySpec { Type = "rel", GdRelocations = 1 });
            Assert.Empty(Analysis.Run(libraries, gd).Findings());
        }

        [Fact]
        public void Df_static_tls_on_a_library_with_a_tls_block_but_no_relocation_is_a_message()
        {
            using var libraries = new FakeLibraries();
            var flagged = libraries.Add("libflag.so", new LibrarySpec { Soname = "libflag.so", Tls = 32, Flag = true });
            var noBlock = libraries.Add("libnoblock.so", new LibrarySpec { Soname = "libnoblock.so", Flag = true });
            var report = Analysis.Run(libraries, flagged, noBlock);
            var finding = report.WithId("TLS007").Single();
            Assert.Equal(flagged, finding.FilePath);
            Assert.Equal(DiagnosticSeverity.Message, finding.Descriptor.DefaultSeverity);
            Assert.Equal(Verdict.None, report.Library(flagged).Verdict);
        }

        [Fact]
        public void Executables_get_no_verdict()
        {
            using var libraries = new FakeLibraries();
            var exe = libraries.Add("tool", new LibrarySpec { Type = "exec", Tls = 4096, OwnRelocations = 1 });
            var report = Analysis.Run(libraries, exe);
            Assert.Empty(report.Findings());
            Assert.Equal(Verdict.None, report.Library(exe).Verdict);
        }

        private sealed class ThrowingSource : IScanSource
        {
            public System.Collections.Generic.IReadOnlyList<ElfScanResult> Scan(string path) => throw new System.IO.IOException("disk on fire");
        }
    }
}
