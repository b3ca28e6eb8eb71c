using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>
    /// The suggested GLIBC_TUNABLES makes failing sets fit, and they load under exactly that environment; one namespace
    /// less is judged as the loader behaves; optional_static_tls thresholds are exact to the byte.
    /// </summary>
    [Collection(X86LoaderCollection.Name)]
    public sealed class TunableAgreementTests
    {
        private readonly X86Fixtures _fixtures;
        private readonly ITestOutputHelper _output;

        public TunableAgreementTests(X86Fixtures fixtures, ITestOutputHelper output)
        {
            _fixtures = fixtures;
            _output = output;
        }

        [Theory]
        [InlineData("ie1673")]
        [InlineData("ie1700")]
        [InlineData("ie4096")]
        [InlineData("needs4096")]
        [InlineData("ie1000", "ie600", "ie700")]
        public void Dotnet_host_tunable_works(params string[] names)
        {
            AssertTunable(_fixtures.Dotnet, names);
        }

        [Theory]
        [InlineData("ie1713")]
        [InlineData("ie4096")]
        [InlineData("ie1000", "ie600", "ie700")]
        public void Bare_c_host_tunable_works(params string[] names)
        {
            AssertTunable(_fixtures.CHost, names);
        }

        [Theory]
        [InlineData("ie1700")]
        [InlineData("ie4096")]
        public void Optional_static_tls_threshold_is_exact(string name)
        {
            // The smallest glibc.rtld.optional_static_tls the model says makes it load: it loads, one byte less fails.
            var paths = new[] { _fixtures.Set.PathOf(name) };
            long low = 512;
            long high = 1 << 14;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (Predict(_fixtures.Dotnet, paths, new GlibcTunables(null, middle)) != Verdict.Fails)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            var minimum = low;
            Agreement.Check(_fixtures.Dotnet, _output, paths, Agreement.Tunables(new GlibcTunables(null, minimum)), Agreement.With(_fixtures.Dotnet, new GlibcTunables(null, minimum)));
            Agreement.Check(_fixtures.Dotnet, _output, paths, Agreement.Tunables(new GlibcTunables(null, minimum - 1)), Agreement.With(_fixtures.Dotnet, new GlibcTunables(null, minimum - 1)));
            _output.WriteLine("| " + _fixtures.Dotnet.Name + " | " + name + " | optional_static_tls " + minimum + " loads, " + (minimum - 1) + " fails |");
        }

        [Fact]
        public void Over_alignment_gets_no_tunable_and_ld_preload_makes_it_load()
        {
            var path = _fixtures.Set.PathOf("al128");
            var report = Agreement.Predict(_fixtures.Dotnet, new[] { path });
            var library = report.Libraries.Single();
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Null(library.Remedy!.GlibcTunables);
            Assert.Null(report.Budgets.Single().Remedy?.GlibcTunables);
            Assert.Contains("LD_PRELOAD=/path/to/libal128.so", RemedyText.RuntimeWorkaround(library.Remedy));
            var preloaded = _fixtures.Dotnet.Load(new[] { path }, new Dictionary<string, string> { ["LD_PRELOAD"] = path });
            Assert.True(preloaded.AllLoaded, preloaded.Transcript);
        }

        private void AssertTunable(ModeledLoadHost host, string[] names)
        {
            var paths = names.Select(_fixtures.Set.PathOf).ToList();
            var (report, _) = Agreement.Check(host, _output, paths);
            var budget = report.Budgets.Single();
            Assert.Equal(Verdict.Fails, budget.Verdict);
            var tunable = budget.Remedy!.Tunable!;
            Assert.True(tunable.Guaranteed);

            // Fed back, the remedy fits; the child process loads under exactly that GLIBC_TUNABLES.
            var (fed, loaded) = Agreement.Check(host, _output, paths, Agreement.Tunables(tunable.Setting), Agreement.With(host, tunable.Setting));
            Assert.Equal(Verdict.Fits, fed.Budgets.Single().Verdict);
            Assert.True(loaded.AllLoaded, loaded.Transcript);

            // One namespace less does not fit; whether it still loads, the model and the loader agree.
            var less = tunable.Setting with { Namespaces = tunable.Setting.Namespaces - 1 };
            var (lessReport, _) = Agreement.Check(host, _output, paths, Agreement.Tunables(less), Agreement.With(host, less));
            Assert.NotEqual(Verdict.Fits, lessReport.Budgets.Single().Verdict);
            _output.WriteLine("| " + host.Name + " | " + string.Join(" + ", names) + " | " + budget.Remedy.GlibcTunables + " fits and loads; nns-1: "
                + VerdictNames.ToName(lessReport.Budgets.Single().Verdict) + " |");
        }

        private static Verdict Predict(ModeledLoadHost host, IReadOnlyList<string> paths, GlibcTunables setting) =>
            Agreement.Predict(host, paths, Agreement.With(host, setting)).Budgets.Single().Verdict;
    }
}
