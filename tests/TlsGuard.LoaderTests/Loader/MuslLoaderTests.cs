using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>musl's dynamic linker (musl-tools): any initial-exec TLS into a dlopen'd module fails, preloaded modules are fine.</summary>
    [Collection(MuslLoaderCollection.Name)]
    public sealed class MuslLoaderTests
    {
        private readonly MuslFixtures _fixtures;
        private readonly ITestOutputHelper _output;

        public MuslLoaderTests(MuslFixtures fixtures, ITestOutputHelper output)
        {
            _fixtures = fixtures;
            _output = output;
        }

        [Theory]
        [InlineData("ie16")]
        [InlineData("gd64")]
        [InlineData("extie")]
        public void Musl_host_agrees(params string[] names)
        {
            var (report, outcome) = Agreement.Check(_fixtures.Host, _output, names.Select(_fixtures.Set.PathOf).ToList());
            Assert.Equal("musl", report.Budgets.Single().Libc.Name);
            if (!outcome.AllLoaded)
            {
                Assert.Contains("initial-exec TLS resolves to dynamic definition", outcome.FirstFailure!.Message);
            }
        }

        [Fact]
        public void A_sixteen_byte_block_fails_on_musl_and_loads_when_preloaded()
        {
            var path = _fixtures.Set.PathOf("ie16");
            var library = Agreement.Predict(_fixtures.Host, new[] { path }).Libraries.Single();
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Contains("LD_PRELOAD=/path/to/libie16.so", RemedyText.RuntimeWorkaround(library.Remedy!));
            var preloaded = _fixtures.Host.Load(new[] { path }, new Dictionary<string, string> { ["LD_PRELOAD"] = path });
            Assert.True(preloaded.AllLoaded, preloaded.Transcript);
        }
    }
}
