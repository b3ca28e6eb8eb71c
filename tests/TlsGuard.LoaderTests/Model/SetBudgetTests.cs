using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>Blocks add up across the libraries one process loads.</summary>
    public sealed class SetBudgetTests
    {
        [Fact]
        public void Two_libraries_that_fit_alone_put_the_set_at_risk_without_a_finding()
        {
            using var libraries = new FakeLibraries();
            var a = libraries.Add("libie1000.so", LibrarySpec.InitialExec("libie1000.so", 1000));
            var b = libraries.Add("libie600.so", LibrarySpec.InitialExec("libie600.so", 600));
            var report = Analysis.Run(libraries, Analysis.Glibc236, a, b);
            Assert.All(report.Libraries, l => Assert.Equal(Verdict.Fits, l.Verdict));
            var budget = report.Budgets.Single();
            Assert.Equal(Verdict.AtRisk, budget.Verdict);
            Assert.Equal(1600, budget.RequiredBytes);
            Assert.Equal(1672, budget.ReserveBytes);
            Assert.Equal(new[] { "libie1000.so", "libie600.so" }, budget.Libraries);
            Assert.Empty(report.Findings());
        }

        [Fact]
        public void Three_libraries_that_fit_alone_overflow_together_and_tls006_names_them()
        {
            using var libraries = new FakeLibraries();
            var a = libraries.Add("libie1000.so", LibrarySpec.InitialExec("libie1000.so", 1000));
            var b = libraries.Add("libie600.so", LibrarySpec.InitialExec("libie600.so", 600));
            var c = libraries.Add("libie700.so", LibrarySpec.InitialExec("libie700.so", 700));
            var report = Analysis.Run(libraries, a, b, c);
            var budget = report.Budgets.Single();
            Assert.Equal(Verdict.Fails, budget.Verdict);
            Assert.Equal(2304, budget.RequiredBytes);
            Assert.NotNull(budget.Remedy?.GlibcTunables);
            var overflow = report.WithId("TLS006").Single();
            Assert.Equal(c, overflow.FilePath);
            Assert.Contains("libie1000.so (1000 bytes), libie600.so (600 bytes) and libie700.so (700 bytes) need 2304 bytes", overflow.Message);
            Assert.Contains("1672 bytes available on glibc 2.27–2.31 (x86_64; the worst of the glibc versions .NET supports there, 2.27 and later", overflow.Message);
            Assert.Contains(budget.Remedy?.GlibcTunables!, overflow.Message);
            Assert.Equal("TLS006|glibc-2.32+|x86_64|libie1000.so,libie600.so,libie700.so|2304", overflow.Fingerprint);
        }

        [Fact]
        public void A_library_that_fails_alone_is_not_repeated_in_an_overflow_finding()
        {
            using var libraries = new FakeLibraries();
            var a = libraries.Add("libie1000.so", LibrarySpec.InitialExec("libie1000.so", 1000));
            var big = libraries.Add("libie4096.so", LibrarySpec.InitialExec("libie4096.so", 4096));
            var report = Analysis.Run(libraries, Analysis.Glibc236, a, big);
            Assert.Single(report.WithId("TLS001"));
            Assert.Empty(report.WithId("TLS006"));
            Assert.Equal(Verdict.Fails, report.Budgets.Single().Verdict);
        }

        [Fact]
        public void A_module_shared_by_two_inputs_is_counted_once()
        {
            using var libraries = new FakeLibraries();
            var a = libraries.Add("liba.so", new LibrarySpec { Soname = "liba.so", Needed = new[] { "libshared.so" }, Runpath = new[] { "$ORIGIN" } });
            var b = libraries.Add("libb.so", new LibrarySpec { Soname = "libb.so", Needed = new[] { "libshared.so" }, Runpath = new[] { "$ORIGIN" } });
            libraries.Add("libshared.so", LibrarySpec.InitialExec("libshared.so", 1000));
            var report = Analysis.Run(libraries, Analysis.Glibc236, a, b);
            Assert.Equal(1000, report.Budgets.Single().RequiredBytes);
            Assert.Equal(Verdict.Fits, report.Budgets.Single().Verdict);
        }

        [Fact]
        public void The_set_tunable_makes_the_whole_set_fit_and_one_namespace_less_does_not()
        {
            using var libraries = new FakeLibraries();
            var a = libraries.Add("libie1000.so", LibrarySpec.InitialExec("libie1000.so", 1000));
            var b = libraries.Add("libie600.so", LibrarySpec.InitialExec("libie600.so", 600));
            var c = libraries.Add("libie700.so", LibrarySpec.InitialExec("libie700.so", 700));
            var remedy = Analysis.Run(libraries, Analysis.Glibc236, a, b, c).Budgets.Single().Remedy!;
            Assert.True(remedy.Tunable!.Guaranteed);
            var namespaces = remedy.Tunable.Setting.Namespaces!.Value;

            // 2304 bytes: nns=8 guarantees 2312 (roundup(184 + 2816, 64) - 184 - 512), nns=7 only 2056.
            Assert.Equal(8, namespaces);
            var withTunable = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", GlibcTunables = remedy.Tunable.Setting.Text }, a, b, c).Budgets.Single();
            Assert.Equal(Verdict.Fits, withTunable.Verdict);
            var below = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", GlibcTunables = "glibc.rtld.nns=" + (namespaces - 1) }, a, b, c).Budgets.Single();
            Assert.NotEqual(Verdict.Fits, below.Verdict);
        }
    }
}
