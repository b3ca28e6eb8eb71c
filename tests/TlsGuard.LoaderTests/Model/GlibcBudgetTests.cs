using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>glibc 2.36 arithmetic (x86_64 dotnet host: U0 184, surplus 1664, A 64 -> 1672 free; bare C host: 1712 free).</summary>
    public sealed class GlibcBudgetTests
    {
        [Fact]
        public void Surplus_formula_matches_glibc_defaults()
        {
            // elf/dl-tls.c glibc-2.36 l.81-90: (nns-1)*144 + nns*144 + opt + LEGACY_TLS (144).
            Assert.Equal(1664, StaticTlsMath.Surplus(512));
            Assert.Equal(1152, StaticTlsMath.Surplus(0));
            Assert.Equal(800, StaticTlsMath.Surplus(512, namespaces: 1));
            Assert.Equal(1664 + 5 * 288, StaticTlsMath.Surplus(512, namespaces: 9));
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
            var report = Analysis.Run(libraries, Analysis.Glibc236, path);
            var library = report.Library(path);
            Assert.Equal(expected, library.Verdict);
            // TLS_TCB_AT_TP places a block at roundup(used + size, align): an 8-aligned block takes whole multiples of 8.
            Assert.Equal(StaticTlsMath.RoundUp(size, 8), library.RequiredStaticTlsBytes);
            Assert.Equal(1672, library.ReserveBytes);
            Assert.Equal(1160, library.GuaranteedBytes);
            Assert.Equal("glibc-2.36", library.Libc.Name);
        }

        [Theory]
        [InlineData(1712, Verdict.AtRisk)]
        [InlineData(1713, Verdict.Fails)]
        public void Bare_c_host_on_x86_64_has_1712_free(long size, Verdict expected)
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", size, align: 1));
            var report = Analysis.Run(libraries, Analysis.BareCHost(), path);
            Assert.Equal(expected, report.Library(path).Verdict);
            Assert.Equal(1712, report.Library(path).ReserveBytes);
        }

        [Fact]
        public void Jemalloc_sized_block_gets_the_smallest_nns_that_fits_and_fed_back_it_fits()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libjemalloc.so.2", LibrarySpec.InitialExec("libjemalloc.so.2", 2632));
            var library = Analysis.Run(libraries, Analysis.Glibc236, path).Library(path);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9", library.Remedy!.GlibcTunables);
            Assert.True(library.Remedy.Tunable!.Guaranteed);
            Assert.Equal("jemalloc", library.Remedy.Known?.Name);

            // nns=9: roundup(184 + 144*17 + 144 + 512, 64) - 184 - 512 = 2632 guaranteed, exactly the need.
            var fed = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", GlibcTunables = "glibc.rtld.nns=9" }, path).Library(path);
            Assert.Equal(Verdict.Fits, fed.Verdict);
            Assert.Equal(2632, fed.GuaranteedBytes);
            Assert.Null(fed.Remedy);

            // nns=8 loads alone (2824 free) but only 2312 are guaranteed.
            var one = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", GlibcTunables = "glibc.rtld.nns=8" }, path).Library(path);
            Assert.Equal(Verdict.AtRisk, one.Verdict);
            Assert.Equal(2312, one.GuaranteedBytes);
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9", one.Remedy!.GlibcTunables);
        }

        [Fact]
        public void Optional_static_tls_alone_never_makes_it_guaranteed_and_the_remedy_keeps_it()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libjemalloc.so.2", LibrarySpec.InitialExec("libjemalloc.so.2", 2632));
            var tuned = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", OptionalStaticTls = 1472 }, path).Library(path);
            Assert.Equal(Verdict.AtRisk, tuned.Verdict);
            Assert.Equal(2632, tuned.ReserveBytes);
            Assert.Equal(1160, tuned.GuaranteedBytes);

            // The user's optional_static_tls stays; nns=9 makes 2632 guaranteed on top of it.
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9:glibc.rtld.optional_static_tls=1472", tuned.Remedy!.GlibcTunables);
            var fed = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", GlibcTunables = "glibc.rtld.nns=9:glibc.rtld.optional_static_tls=1472" }, path).Library(path);
            Assert.Equal(Verdict.Fits, fed.Verdict);
        }

        [Fact]
        public void Beyond_what_nns_16_guarantees_the_remedy_is_the_optional_pool_that_makes_it_load_with_the_risk_said()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libbig.so", LibrarySpec.InitialExec("libbig.so", 6000));
            var library = Analysis.Run(libraries, Analysis.Glibc236, path).Library(path);
            var tunable = library.Remedy!.Tunable!;
            Assert.False(tunable.Guaranteed);
            Assert.Equal(16, tunable.Setting.Namespaces);

            // nns=16: S = 144*31 + 144 + opt = 4608 + opt; roundup(184 + 4608 + opt, 64) >= 6184 from opt = 1353.
            Assert.Equal(1353, tunable.Setting.OptionalStaticTls);
            Assert.Contains("no tunable guarantees it", RemedyText.RuntimeWorkaround(library.Remedy));
            var fed = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", GlibcTunables = tunable.Setting.Text }, path).Library(path);
            Assert.Equal(Verdict.AtRisk, fed.Verdict);
            var below = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", GlibcTunables = "glibc.rtld.nns=16:glibc.rtld.optional_static_tls=1352" }, path).Library(path);
            Assert.Equal(Verdict.Fails, below.Verdict);
        }

        [Fact]
        public void Over_aligned_block_fails_whatever_the_space_and_offers_no_tunable()
        {
            using var libraries = new FakeLibraries();
            var aligned128 = libraries.Add("libal128.so", LibrarySpec.InitialExec("libal128.so", 16, align: 128));
            var aligned64 = libraries.Add("libal64.so", LibrarySpec.InitialExec("libal64.so", 16, align: 64));
            var report = Analysis.Run(libraries, Analysis.Glibc236, aligned128, aligned64);
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
            var report = Analysis.Run(libraries, Analysis.BareCHost(), a, b, c);
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

        [Theory]
        [InlineData(1664, false)]
        [InlineData(1665, true)]
        public void Placement_keeps_the_first_byte_offset_as_glibc_does(long size, bool fails)
        {
            // A block aligned to 64 whose p_vaddr is 8 past an alignment boundary: _dl_try_allocate_static_tls (elf/dl-reloc.c
            // glibc-2.36 l.75-84) needs size + l_tls_firstbyte_offset free bytes; 1672 are free, so 1664 is the largest.
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libfb.so", LibrarySpec.InitialExec("libfb.so", size, align: 64) with { TlsVirtualAddress = 0x1008 });
            var library = Analysis.Run(libraries, Analysis.Glibc236, path).Library(path);
            Assert.Equal(8, library.Consumers.Single().FirstByteOffset);
            Assert.Equal(fails, library.Verdict == Verdict.Fails);

            // Without the offset the same size fits the 1672 free bytes.
            var plain = libraries.Add("plain/libfb.so", LibrarySpec.InitialExec("libfb.so", size, align: 64));
            Assert.NotEqual(Verdict.Fails, Analysis.Run(libraries, Analysis.Glibc236, plain).Library(plain).Verdict);
        }
    }
}
