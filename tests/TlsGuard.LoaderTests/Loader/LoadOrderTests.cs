using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>"At risk" means load order decides: the same libraries load in one order and fail in another.</summary>
    [Collection(X86LoaderCollection.Name)]
    public sealed class LoadOrderTests
    {
        private readonly X86Fixtures _fixtures;
        private readonly ITestOutputHelper _output;

        public LoadOrderTests(X86Fixtures fixtures, ITestOutputHelper output)
        {
            _fixtures = fixtures;
            _output = output;
        }

        [Fact]
        public void Initial_exec_into_a_library_whose_tls_was_used_dynamically_first_fails()
        {
            var gd = _fixtures.Set.PathOf("gd64");
            var ext = _fixtures.Set.PathOf("extie");
            var report = Agreement.Predict(_fixtures.Dotnet, new[] { gd, ext });
            var library = report.Libraries.Single(l => l.Input.Path == ext);
            Assert.Equal(Verdict.AtRisk, library.Verdict);
            Assert.Equal("libgd64.so", library.Consumers.Single().Name);
            Assert.Contains("glibc has made that TLS dynamic", ReasonText.Of(library));

            var safeOrder = _fixtures.Dotnet.Load(new[] { ext, "--call=extie_touch", gd, "--call=gd64_touch" });
            Assert.True(safeOrder.AllLoaded, safeOrder.Transcript);
            var riskyOrder = _fixtures.Dotnet.Load(new[] { gd, "--call=gd64_touch", ext });
            Assert.False(riskyOrder.AllLoaded, riskyOrder.Transcript);
            Assert.Contains("libgd64.so: cannot allocate memory in static TLS block", riskyOrder.FirstFailure!.Message);
            _output.WriteLine("| dotnet | libgd64.so(touched) + libextie.so | at-risk | fails; reversed order loads |");
        }

        [Fact]
        public void A_tlsdesc_user_loaded_first_can_take_the_optional_pool_but_not_the_guaranteed_part()
        {
            var desc = _fixtures.Set.PathOf("desc512");
            var guaranteed = _fixtures.Set.PathOf("ie1160");
            var beyond = _fixtures.Set.PathOf("ie1168");
            Assert.Equal(Verdict.Fits, Agreement.Predict(_fixtures.Dotnet, new[] { guaranteed }).Libraries.Single().Verdict);
            Assert.Equal(Verdict.AtRisk, Agreement.Predict(_fixtures.Dotnet, new[] { beyond }).Libraries.Single().Verdict);

            Assert.True(_fixtures.Dotnet.Load(new[] { beyond }).AllLoaded);
            var afterDescriptor = _fixtures.Dotnet.Load(new[] { desc, "--call=desc512_touch", beyond });
            Assert.False(afterDescriptor.AllLoaded, afterDescriptor.Transcript);
            var fitsAfterDescriptor = _fixtures.Dotnet.Load(new[] { desc, "--call=desc512_touch", guaranteed });
            Assert.True(fitsAfterDescriptor.AllLoaded, fitsAfterDescriptor.Transcript);
            _output.WriteLine("| dotnet | libdesc512.so (TLSDESC) + libie1168.so | at-risk | fails; alone loads |");
            _output.WriteLine("| dotnet | libdesc512.so (TLSDESC) + libie1160.so | fits | loads |");
        }
    }
}
