using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>glibc 2.32+ arithmetic (x86_64 dotnet host: U0 184, surplus 1664, A 64 -> 1672 free; bare C host: 1712 free).</summary>
    public sealed class GlibcBudgetTests
    {
        [Fact]
        public void Surplus_formula_matches_glibc_defaults()
        {
            Assert.Equal(1664, StaticTlsMath.Surplus(512));
            Assert.Equal(1152, StaticTlsMath.Surplus(0));
            Assert.Equal(800, StaticTlsMath.Surplus(512, namespaces: 1));
            Assert.Equal(1417, StaticTlsMath.MinimumOptionalStaticTls(184, 184 + 2632, 64));
        }

        [Theory]
        [InlineData(16, Verdict.Fits)]
        [InlineData(1160, Verdict.Fits)]
        [InlineData(1161, Verdict.AtRisk)]
        [InlineData(1672, Verdict.AtRisk)]
        [InlineData(1673, Verdict.Fails)]
        [InlineData(2632, Verdict.Fails)]
        public void Dotnet_host_on_x86_64_has_1672_free_of_which_1160_are_guaranteed(long size, Verdict expected)
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", size));
            var report = Analysis.Run(libraries, path);
            var library = report.Library(path);
            Assert.Equal(expected, library.Verdict);
            // TLS_TCB_AT_TP places a block at roundup(used + size, align): an 8-aligned block takes whole multiples of 8.
            Assert.Equal(StaticTlsMath.RoundUp(size, 8), library.RequiredStaticTlsBytes);
            Assert.Equal(1672, library.ReserveBytes);
            Assert.Equal("glibc", library.Libc.Name);
        }

        [Theory]
        [InlineData(1712, Verdict.AtRisk)]
        [InlineData(1713, Verdict.Fails)]
        public void Bare_c_host_on_x86_64_has_1712_free(long size, Verdict expected)
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", size));
            var report = Analysis.Run(libraries, Analysis.BareCHost(), path);
            Assert.Equal(expected, report.Library(path).Verdict);
            Assert.Equal(1712, report.Library(path).ReserveBytes);
        }

        [Fact]
        public void Jemalloc_sized_block_fails_with_a_tunable_of_1472()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libjemalloc.so.2", LibrarySpec.InitialExec("libjemalloc.so.2", 2632));
            var library = Analysis.Run(libraries, path).Library(path);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.optional_static_tls=1472", library.Remedy!.GlibcTunables);
            Assert.Equal("jemalloc", library.Remedy.Known?.Name);
        }

        [Fact]
        public void A_configured_optional_static_tls_grows_the_reserve_but_not_the_guaranteed_part()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libjemalloc.so.2", LibrarySpec.InitialExec("libjemalloc.so.2", 2632));
            var library = Analysis.Run(libraries, new AnalysisOptions { OptionalStaticTls = 1472 }, path).Library(path);
            Assert.Equal(Verdict.AtRisk, library.Verdict);
            Assert.Equal(2632, library.ReserveBytes);

            // At risk, the suggestion keeps the default 512 bytes for TLSDESC users on top of the need.
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.optional_static_tls=1984", library.Remedy!.GlibcTunables);
        }

        [Fact]
        public void Over_aligned_block_fails_whatever_the_space_and_offers_no_tunable()
        {
            using var libraries = new FakeLibraries();
            var aligned128 = libraries.Add("libal128.so", LibrarySpec.InitialExec("libal128.so", 16, align: 128));
            var aligned64 = libraries.Add("libal64.so", LibrarySpec.InitialExec("libal64.so", 16, align: 64));
            var report = Analysis.Run(libraries, aligned128, aligned64);
            var failing = report.Library(aligned128);
            Assert.Equal(Verdict.Fails, failing.Verdict);
            Assert.Null(failing.Remedy!.GlibcTunables);
            Assert.Contains("aligned to 128 bytes", ReasonText.Of(failing));
            Assert.Equal(Verdict.Fits, report.Library(aligned64).Verdict);
        }

        [Theory]
        [InlineData(1472, false)]
        [InlineData(1473, true)]
        public void Padding_follows_the_tcb_at_tp_placement_measured_with_the_c_host(long lastSize, bool fails)
        {
            // Measured: 100 (align 8), 100 (align 64), then 1472 loads and 1473 fails in the bare C host.
            using var libraries = new FakeLibraries();
            var a = libraries.Add("liba.so", LibrarySpec.InitialExec("liba.so", 100));
            var b = libraries.Add("libb.so", LibrarySpec.InitialExec("libb.so", 100, align: 64));
            var c = libraries.Add("libc1.so", LibrarySpec.InitialExec("libc1.so", lastSize));
            var report = Analysis.Run(libraries, Analysis.BareCHost(), a, b, c);
            Assert.Equal(fails ? Verdict.Fails : Verdict.AtRisk, report.Budgets.Single().Verdict);
            Assert.Equal(fails, report.WithId("TLS006").Count == 1);
        }

        [Theory]
        [InlineData(1616, false)]
        [InlineData(1617, true)]
        public void Padding_follows_the_dtv_at_tp_placement_measured_on_aarch64(long lastSize, bool fails)
        {
            // Measured under qemu-aarch64 with a bare C host: 8 (align 1), 16 (align 32), then 1616 loads and 1617 fails.
            using var libraries = new FakeLibraries();
            var a = libraries.Add("libs8.so", LibrarySpec.InitialExec("libs8.so", 8, align: 1, machine: "aarch64"));
            var b = libraries.Add("libal32.so", LibrarySpec.InitialExec("libal32.so", 16, align: 32, machine: "aarch64"));
            var c = libraries.Add("libfill.so", LibrarySpec.InitialExec("libfill.so", lastSize, align: 1, machine: "aarch64"));
            var options = Analysis.BareCHost(MachineTlsLayout.For(ElfPlatform.FromName("aarch64")!.Value).BareHostStartupBytes);
            var report = Analysis.Run(libraries, options, a, b, c);
            Assert.Equal(fails ? Verdict.Fails : Verdict.AtRisk, report.Budgets.Single().Verdict);
            Assert.Equal("aarch64", report.Budgets.Single().Platform.Name);
        }

        [Fact]
        public void Blocks_aligned_above_32_fail_on_aarch64()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libal64.so", LibrarySpec.InitialExec("libal64.so", 16, align: 64, machine: "aarch64"));
            Assert.Equal(Verdict.Fails, Analysis.Run(libraries, path).Library(path).Verdict);
        }
    }
}
