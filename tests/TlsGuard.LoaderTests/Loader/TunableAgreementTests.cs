using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>The suggested GLIBC_TUNABLES value makes failing sets load; 64 bytes less does not; the exact minimum is exact.</summary>
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
            var suggested = Agreement.TunableValue(budget.Remedy?.GlibcTunables!);
            Assert.Equal(0, suggested % StaticTlsMath.TunableStep);

            Assert.True(host.Load(paths, Agreement.Tunable(suggested)).AllLoaded, "suggested " + suggested + " did not load " + string.Join(", ", names));
            Assert.False(host.Load(paths, Agreement.Tunable(suggested - StaticTlsMath.TunableStep)).AllLoaded, (suggested - 64) + " loaded " + string.Join(", ", names));

            // The model's exact threshold, before rounding: it loads, one byte less does not.
            var startup = host.Options.StartupStaticTlsBytes ?? MachineTlsLayout.For(ElfPlatform.FromName("x86_64")!.Value).DotnetHostStartupBytes;
            var minimum = StaticTlsMath.MinimumOptionalStaticTls(startup, startup + budget.RequiredBytes, MachineTlsLayout.For(ElfPlatform.FromName("x86_64")!.Value).StaticAlign);
            Assert.True(host.Load(paths, Agreement.Tunable(minimum)).AllLoaded, "minimum " + minimum + " did not load");
            Assert.False(host.Load(paths, Agreement.Tunable(minimum - 1)).AllLoaded, (minimum - 1) + " loaded");

            // Predicting with the tunable in place agrees too.
            var options = new AnalysisOptions
            {
                Sysroot = host.Options.Sysroot,
                StartupLibraries = host.Options.StartupLibraries,
                StartupStaticTlsBytes = host.Options.StartupStaticTlsBytes,
                OptionalStaticTls = suggested,
            };
            Agreement.Check(host, _output, paths, Agreement.Tunable(suggested), options);
            _output.WriteLine("| " + host.Name + " | " + string.Join(" + ", names) + " | tunable " + suggested + " (exact minimum " + minimum + ") |");
        }
    }
}
