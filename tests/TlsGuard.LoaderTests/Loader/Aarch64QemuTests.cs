using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>
    /// glibc 2.36 on aarch64 (qemu-user, Debian's arm64 cross C library): TLS_DTV_AT_TP placement, the 16-byte TCB in
    /// the startup area (U0 = 160), a 32-byte static alignment and a 1664-byte single-block limit.
    /// </summary>
    [Collection(Aarch64LoaderCollection.Name)]
    public sealed class Aarch64QemuTests
    {
        private readonly Aarch64Fixtures _fixtures;
        private readonly ITestOutputHelper _output;

        public Aarch64QemuTests(Aarch64Fixtures fixtures, ITestOutputHelper output)
        {
            _fixtures = fixtures;
            _output = output;
        }

        [Theory]
        [InlineData("ie1664")]
        [InlineData("ie1665")]
        [InlineData("al32")]
        [InlineData("al64")]
        [InlineData("ie4096")]
        [InlineData("s8", "al32", "f1616")]
        [InlineData("s8", "al32", "f1617")]
        [InlineData("ie1000", "ie600")]
        [InlineData("ie1000", "ie600", "ie700")]
        public void Aarch64_c_host_agrees(params string[] names)
        {
            var (report, _) = Agreement.Check(_fixtures.Host, _output, names.Select(_fixtures.Set.PathOf).ToList());
            Assert.Equal("aarch64", report.Budgets.Single().Platform.Name);
            Assert.All(report.Libraries, l => Assert.All(l.Consumers, c => Assert.Contains("R_AARCH64_TLS_TPREL", string.Join(",", c.Relocations.Keys))));
        }

        [Fact]
        public void Aarch64_reserve_is_1664_for_the_bare_host()
        {
            var report = Agreement.Predict(_fixtures.Host, new[] { _fixtures.Set.PathOf("ie1664") });
            Assert.Equal(1664, report.Libraries.Single().ReserveBytes);
            Assert.Equal(Verdict.AtRisk, report.Libraries.Single().Verdict);
        }

        [Fact]
        public void Aarch64_tunable_remedy_fits_and_loads_under_exactly_that_environment()
        {
            var paths = new[] { _fixtures.Set.PathOf("ie4096") };
            var remedy = Agreement.Predict(_fixtures.Host, paths).Budgets.Single().Remedy!;
            Assert.True(remedy.Tunable!.Guaranteed);
            var setting = remedy.Tunable.Setting;
            var fed = Agreement.Check(_fixtures.Host, _output, paths, Agreement.Tunables(setting), Agreement.With(_fixtures.Host, setting)).Report;
            Assert.Equal(Verdict.Fits, fed.Budgets.Single().Verdict);

            // One namespace less: the model says whether it still loads, and the loader agrees.
            var less = setting with { Namespaces = setting.Namespaces - 1 };
            var (lessReport, _) = Agreement.Check(_fixtures.Host, _output, paths, Agreement.Tunables(less), Agreement.With(_fixtures.Host, less));
            Assert.NotEqual(Verdict.Fits, lessReport.Budgets.Single().Verdict);
            _output.WriteLine("| qemu-aarch64 C host | libie4096.so | " + remedy.GlibcTunables + " fits and loads |");
        }
    }
}
