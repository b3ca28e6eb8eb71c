using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using Tunables = TlsGuard.Core.Analysis.GlibcTunables;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// The product's model against real loads on x86-64: Debian 13's glibc 2.41 (--libc glibc-2.41 --sysroot the Debian 13
    /// root), native AOT and single-file hosts, glibc 2.36's tunables, and the remedies fed back under exactly their environment.
    /// </summary>
    [Collection(X64LabCollection.Name)]
    public sealed class HostAgreementTests
    {
        private const string Jemalloc = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
        private readonly X64Lab _lab;
        private readonly ITestOutputHelper _output;

        public HostAgreementTests(X64Lab lab, ITestOutputHelper output)
        {
            _lab = lab;
            _output = output;
        }

        [Fact]
        public void Glibc_241_ladder_judged_with_the_debian_13_sysroot_agrees_size_by_size()
        {
            var host = _lab.Dotnet241;
            var budget = Agreement.Predict(host, new[] { _lab.Libraries.PathOf(8) }).Libraries.Single().Budget!;
            Assert.Equal(LibcVersionSource.Given, budget.Judged.Source);
            Assert.True(budget.LibcBlockRead);
            Assert.Equal(136, budget.LibcBlock!.Value.Size);
            Assert.Equal(224, budget.StartupBytes);
            Assert.Equal(1696, budget.ReserveBytes);
            Print(LadderAgreement.Check(host, _lab.Libraries, new long[] { 1184, 1600, 1672, 1688, 1695, 1696, 1697, 1704, 1800 }));
        }

        [Fact]
        public void Native_aot_ladder_agrees()
        {
            Print(LadderAgreement.Check(_lab.Aot, _lab.Libraries, new long[] { 1672, 1673, 1679, 1680, 1681, 1688 }));
        }

        [Fact]
        public void Single_file_ladder_agrees()
        {
            Print(LadderAgreement.Check(_lab.SingleFile, _lab.Libraries, new long[] { 1672, 1673, 1680, 1681, 1688 }));
        }

        [Theory]
        [InlineData("glibc.rtld.nns=1")]
        [InlineData("glibc.rtld.nns=5")]
        [InlineData("glibc.rtld.nns=8")]
        [InlineData("glibc.rtld.nns=16")]
        [InlineData("glibc.rtld.nns=17")]
        [InlineData("glibc.rtld.optional_static_tls=1024")]
        [InlineData("glibc.rtld.optional_static_tls=0:glibc.rtld.nns=6")]
        public void Glibc_236_tunables_move_the_boundary_as_the_model_says(string tunables)
        {
            var setting = Tunables.Parse(tunables);
            var options = Agreement.With(_lab.Dotnet, setting);
            var free = Agreement.Predict(_lab.Dotnet, new[] { _lab.Libraries.PathOf(8) }, options).Libraries.Single().ReserveBytes;
            var environment = new Dictionary<string, string> { ["GLIBC_TUNABLES"] = tunables };
            Print(LadderAgreement.Check(_lab.Dotnet, _lab.Libraries, new[] { free - 8, free, free + 1 }, options, environment));
        }

        [Fact]
        public void Jemalloc_remedy_fits_and_loads_even_after_a_descriptor_user_took_the_pool()
        {
            var remedy = Agreement.Predict(_lab.Dotnet, new[] { Jemalloc }).Libraries.Single().Remedy!;
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9", remedy.GlibcTunables);
            var fits = remedy.Tunable!.Setting;
            Assert.Equal(Verdict.Fits, Agreement.Predict(_lab.Dotnet, new[] { Jemalloc }, Agreement.With(_lab.Dotnet, fits)).Libraries.Single().Verdict);

            // "Fits" holds whatever loads first: with a 512-byte TLS descriptor user before it, nns=9 loads and nns=8 (at risk) fails.
            var first = _lab.Descriptors(1).Concat(new[] { Jemalloc }).ToList();
            var loaded = _lab.Dotnet.Load(first, Agreement.Tunables(fits));
            Assert.True(loaded.AllLoaded, loaded.Transcript);
            var less = new Tunables(8, null);
            Assert.Equal(Verdict.AtRisk, Agreement.Predict(_lab.Dotnet, new[] { Jemalloc }, Agreement.With(_lab.Dotnet, less)).Libraries.Single().Verdict);
            Assert.True(_lab.Dotnet.Load(new[] { Jemalloc }, Agreement.Tunables(less)).AllLoaded);
            var refused = _lab.Dotnet.Load(first, Agreement.Tunables(less));
            Assert.False(refused.Steps[^1].Loaded, refused.Transcript);
            Assert.Contains("libjemalloc.so.2: cannot allocate memory in static TLS block", refused.Steps[^1].Message);
            _output.WriteLine("| dotnet | TLSDESC 512 + libjemalloc.so.2 | nns=9 (fits) loads; nns=8 (at risk) fails |");
        }

        [Fact]
        public void Beyond_nns_16_the_remedy_loads_as_said_and_one_byte_of_pool_less_fails()
        {
            var path = _lab.Libraries.PathOf(6000);
            var remedy = Agreement.Predict(_lab.Dotnet, new[] { path }).Libraries.Single().Remedy!;
            Assert.False(remedy.Tunable!.Guaranteed);
            var setting = remedy.Tunable.Setting;
            var loads = _lab.Dotnet.Load(new[] { path }, Agreement.Tunables(setting));
            Assert.True(loads.AllLoaded, setting.Text + ":\n" + loads.Transcript);
            var less = setting with { OptionalStaticTls = setting.OptionalStaticTls - 1 };
            Assert.Equal(Verdict.Fails, Agreement.Predict(_lab.Dotnet, new[] { path }, Agreement.With(_lab.Dotnet, less)).Libraries.Single().Verdict);
            Assert.False(_lab.Dotnet.Load(new[] { path }, Agreement.Tunables(less)).AllLoaded);
            _output.WriteLine("| dotnet | 6000-byte block | " + remedy.GlibcTunables + " loads (at risk); " + less.Text + " fails |");
        }

        private void Print(IEnumerable<string> rows) => rows.ToList().ForEach(_output.WriteLine);
    }
}
