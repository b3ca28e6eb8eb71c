using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>Prediction versus glibc 2.36 for fixture blocks in the dotnet host (U0 184) and the bare C host (U0 144).</summary>
    [Collection(X86LoaderCollection.Name)]
    public sealed class GlibcAgreementTests
    {
        private readonly X86Fixtures _fixtures;
        private readonly ITestOutputHelper _output;

        public GlibcAgreementTests(X86Fixtures fixtures, ITestOutputHelper output)
        {
            _fixtures = fixtures;
            _output = output;
        }

        [Theory]
        [InlineData("ie16")]
        [InlineData("ie1000")]
        [InlineData("ie1160")]
        [InlineData("ie1168")]
        [InlineData("ie1600")]
        [InlineData("ie1672")]
        [InlineData("ie1673")]
        [InlineData("ie1700")]
        [InlineData("ie4096")]
        [InlineData("al64")]
        [InlineData("al128")]
        [InlineData("needs4096")]
        [InlineData("ie1000", "ie600")]
        [InlineData("ie1000", "ie600", "ie700")]
        [InlineData("pad100", "pad100x64", "pad1408")]
        [InlineData("pad100", "pad100x64", "pad1409")]
        public void Dotnet_host_agrees(params string[] names)
        {
            Agreement.Check(_fixtures.Dotnet, _output, names.Select(_fixtures.Set.PathOf).ToList());
        }

        [Theory]
        [InlineData("ie1700")]
        [InlineData("ie1712")]
        [InlineData("ie1713")]
        [InlineData("ie4096")]
        [InlineData("al128")]
        [InlineData("needs4096")]
        [InlineData("ie1000", "ie600")]
        [InlineData("ie1000", "ie600", "ie700")]
        [InlineData("pad100", "pad100x64", "pad1472")]
        [InlineData("pad100", "pad100x64", "pad1473")]
        public void Bare_c_host_agrees(params string[] names)
        {
            Agreement.Check(_fixtures.CHost, _output, names.Select(_fixtures.Set.PathOf).ToList());
        }

        [Fact]
        public void The_same_library_loads_in_the_c_host_but_not_in_dotnet_and_the_model_knows_why()
        {
            var path = _fixtures.Set.PathOf("ie1700");
            var (dotnet, _) = Agreement.Check(_fixtures.Dotnet, _output, new[] { path });
            var (c, _) = Agreement.Check(_fixtures.CHost, _output, new[] { path });
            Assert.Equal(Verdict.Fails, dotnet.Libraries.Single().Verdict);
            Assert.Equal(1672, dotnet.Libraries.Single().ReserveBytes);
            Assert.Equal(Verdict.AtRisk, c.Libraries.Single().Verdict);
            Assert.Equal(1712, c.Libraries.Single().ReserveBytes);
        }

        [Fact]
        public void A_clean_library_fails_through_its_dependency_and_the_loader_names_the_dependency()
        {
            var path = _fixtures.Set.PathOf("needs4096");
            var (report, outcome) = Agreement.Check(_fixtures.Dotnet, _output, new[] { path });
            var library = report.Libraries.Single();
            Assert.Equal(new[] { "libneeds4096.so", "libie4096.so" }, library.Chain);
            Assert.Contains("libneeds4096.so -> libie4096.so needs 4096 bytes of static TLS", report.Findings().Single(f => f.Id == "TLS001").Message);
            Assert.Contains("libie4096.so: cannot allocate memory in static TLS block", outcome.FirstFailure!.Message);
        }

        [Fact]
        public void Libraries_that_load_alone_but_not_together_get_tls006_naming_the_one_the_loader_rejects()
        {
            var names = new[] { "ie1000", "ie600", "ie700" };
            var (report, outcome) = Agreement.Check(_fixtures.Dotnet, _output, names.Select(_fixtures.Set.PathOf).ToList());
            Assert.All(report.Libraries, l => Assert.NotEqual(Verdict.Fails, l.Verdict));
            var overflow = report.Findings().Single(f => f.Id == "TLS006");
            Assert.Equal(outcome.FirstFailure!.Path, overflow.FilePath);
            Assert.EndsWith("libie700.so", overflow.FilePath);
        }
    }
}
