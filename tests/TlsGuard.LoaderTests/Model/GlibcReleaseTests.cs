using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>
    /// What differs between glibc releases, for releases this machine cannot run. Each figure is derived from the source
    /// lines cited (bminor/glibc at the tag named) with the arithmetic of elf/dl-tls.c _dl_determine_tlsoffset and
    /// elf/dl-reloc.c _dl_try_allocate_static_tls.
    /// </summary>
    public sealed class GlibcReleaseTests
    {
        [Theory]
        [InlineData("glibc-2.41", HostKind.Dotnet, 1696)]
        [InlineData("glibc-2.41", HostKind.CProgram, 1664)]
        [InlineData("glibc-2.36", HostKind.Dotnet, 1672)]
        [InlineData("glibc-2.36", HostKind.CProgram, 1712)]
        public void From_241_the_rseq_block_joins_the_startup_tls_and_libc_shrinks(string libc, HostKind host, long free)
        {
            // glibc-2.41 elf/dl-tls.c l.336-342: offset = roundup(offset, 32) + 32 after the startup modules; Debian 13's libc.so.6
            // PT_TLS is 136/8. dotnet: 8 + 32 + 136 = 176 -> 224, roundup(224 + 1664, 64) = 1920 -> 1696. C: 136 -> 192, 1856 -> 1664.
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", 16));
            var library = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = libc, Host = host }, path).Library(path);
            Assert.Equal(free, library.ReserveBytes);
        }

        [Fact]
        public void On_aarch64_before_235_the_static_tls_alignment_is_16_so_a_32_aligned_block_fails()
        {
            // Before 2.35 max_align starts at TLS_TCB_ALIGN = __alignof__ (struct pthread) = TCB_ALIGNMENT 16
            // (sysdeps/aarch64/nptl/pthreaddef.h glibc-2.34 l.32) and DTV_AT_TP rounds the size to it (elf/dl-tls.c
            // glibc-2.33 l.133-134); 2.35 made both 32 (commits 23c77f60181e, 627f5ede70).
            using var libraries = new FakeLibraries();
            var aligned = libraries.Add("libal32.so", LibrarySpec.InitialExec("libal32.so", 16, align: 32, machine: "aarch64"));
            var old = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.33", RuntimeIdentifier = "linux-arm64" }, aligned).Library(aligned);
            Assert.Equal(Verdict.Fails, old.Verdict);
            Assert.Equal(BudgetRule.OverAligned, old.Budget!.Rule);
            Assert.Equal(16, old.Budget.StaticAlign);
            var current = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.36", RuntimeIdentifier = "linux-arm64" }, aligned).Library(aligned);
            Assert.NotEqual(Verdict.Fails, current.Verdict);
            Assert.Equal(32, current.Budget!.StaticAlign);
        }

        [Fact]
        public void On_aarch64_233_the_dotnet_host_leaves_1464_bytes()
        {
            // 16 + 8 -> 24, +32 -> 56, libc 144/16 at 64 -> 208; roundup(208 + 1664, 16) = 1872; hostfxr 32 and hostpolicy 32 take
            // the pool to 448, coreclr's 504 stays dynamic, System.Native 8 and clrjit 128 -> used 408: 1872 - 408 = 1464.
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", 16, machine: "aarch64"));
            var library = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.33", RuntimeIdentifier = "linux-arm64" }, path).Library(path);
            Assert.Equal(1464, library.ReserveBytes);
            Assert.Equal(200, library.Budget!.TakenByHostBytes);
            Assert.Equal(1464 - 312, library.GuaranteedBytes);
        }

        [Theory]
        [InlineData(960, Verdict.AtRisk)]
        [InlineData(961, Verdict.Fails)]
        public void Before_232_descriptor_users_take_any_free_byte_so_the_arm64_runtime_takes_704(long size, Verdict expected)
        {
            // TLS_STATIC_SURPLUS = 1664 (elf/dl-tls.c glibc-2.31 l.88); TRY_STATIC_TLS has no optional cap (BZ 25051), so
            // hostfxr 32, hostpolicy 32, coreclr 504, System.Native 8 and clrjit 128 all go static: 1872 - 208 - 704 = 960.
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", size, align: 1, machine: "aarch64"));
            var library = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.27", RuntimeIdentifier = "linux-arm64" }, path).Library(path);
            Assert.Equal(expected, library.Verdict);
            Assert.Equal(960, library.ReserveBytes);
            Assert.Equal(704, library.Budget!.TakenByHostBytes);
            Assert.Equal(0, library.GuaranteedBytes);
            Assert.Null(library.Remedy!.GlibcTunables);
            Assert.Contains("glibc before 2.32 has no static TLS tunable", RemedyText.RuntimeWorkaround(library.Remedy));
        }

        [Fact]
        public void Tunables_do_nothing_before_232()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", 2000));
            var plain = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.31" }, path).Library(path);
            var tuned = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.31", GlibcTunables = "glibc.rtld.nns=16:glibc.rtld.optional_static_tls=4096" }, path).Library(path);
            Assert.Equal(Verdict.Fails, plain.Verdict);
            Assert.Equal(plain.ReserveBytes, tuned.ReserveBytes);
            Assert.Equal(Verdict.Fails, tuned.Verdict);
        }

        [Fact]
        public void Before_222_the_seventh_static_tls_module_of_a_dotnet_host_fails_on_its_module_id()
        {
            // elf/dl-open.c glibc-2.21 l.543-545: a module placed in static TLS after startup with l_tls_modid > DTV_SURPLUS (14,
            // sysdeps/generic/ldsodefs.h l.392) fails once the process has threads. The dotnet host holds ids 1-8 (dotnet,
            // libstdc++, libc, then hostfxr, hostpolicy, coreclr, System.Native, clrjit): the 7th TLS module mapped gets 15.
            using var libraries = new FakeLibraries();
            var names = Enumerable.Range(1, 7).Select(i => "libie" + i + ".so").ToArray();
            foreach (var name in names)
            {
                libraries.Add(name, LibrarySpec.InitialExec(name, 16));
            }

            var root = libraries.Add("libroot.so", LibrarySpec.Clean("libroot.so", names.Concat(new[] { "libc.so.6" }).ToArray()) with { Runpath = new[] { "$ORIGIN" } });
            var report = Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.21" }, root);
            var library = report.Library(root);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal(BudgetRule.DtvSurplusExceeded, library.Budget!.Rule);
            Assert.Equal("libie7.so", library.Budget.Culprit!.Name);
            Assert.Equal(15, library.Budget.ModuleId);
            Assert.Contains("will fail to load with dlopen ('cannot load any more object with static TLS')", report.WithId("TLS001").Single().Message);

            // Six fit; a C program without threads is not limited.
            var six = libraries.Add("libsix.so", LibrarySpec.Clean("libsix.so", names.Take(6).Concat(new[] { "libc.so.6" }).ToArray()));
            Assert.NotEqual(Verdict.Fails, Analysis.Run(libraries, new AnalysisOptions { TargetLibc = "glibc-2.21" }, six).Library(six).Verdict);
            Assert.NotEqual(Verdict.Fails, Analysis.Run(libraries, Analysis.BareCHost("glibc-2.21"), root).Library(root).Verdict);
        }

        [Fact]
        public void Without_a_version_the_worst_release_net_supports_is_reported_with_its_range()
        {
            // dotnet/core release-notes/10.0/supported-os.md: glibc 2.27 on x64. 1690 bytes: 2.27-2.40 have 1672 free (2.39-2.40
            // take 2.41's libc row: 1680), 2.41+ 1696. The worst margin is 2.27-2.31 (no tunable there).
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", 1690, align: 1));
            var report = Analysis.Run(libraries, path);
            var library = report.Library(path);
            Assert.Equal(Verdict.Fails, library.Verdict);
            var judged = library.Budget!.Judged;
            Assert.Equal(LibcVersionSource.SupportedRange, judged.Source);
            Assert.Equal(new System.Version(2, 27), judged.From);
            Assert.Equal(new System.Version(2, 31), judged.To);
            Assert.Contains("on glibc 2.27–2.31 (x86_64; the worst of the glibc versions .NET supports there, 2.27 and later", report.WithId("TLS001").Single().Message);
            Assert.Equal("2.27-2.31", LibcText.VersionField(report.Budgets.Single().Outcome.Judged));

            // The remedy covers every release with tunables; the message says the older ones have none.
            Assert.True(library.Remedy!.Tunable!.Guaranteed);
            Assert.Contains("on glibc 2.32 and later (glibc before 2.32 has no static TLS tunable", RemedyText.RuntimeWorkaround(library.Remedy));
        }

        [Fact]
        public void Arm32_is_judged_from_235_where_net_starts_there()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", 16, machine: "arm"));
            var judged = Analysis.Run(libraries, path).Library(path).Budget!.Judged;
            Assert.Equal(new System.Version(2, 35), judged.RangeStart);
        }

        [Fact]
        public void The_sysroots_libc_gives_the_version_and_block()
        {
            // A sysroot whose libc.so.6 defines GLIBC_2.41 and has a 136-byte block: judged as glibc 2.41, 1696 free in dotnet.
            using var libraries = new FakeLibraries();
            libraries.Add("root/usr/lib/x86_64-linux-gnu/libc.so.6", new LibrarySpec
            {
                Soname = "libc.so.6",
                Tls = 136,
                VersionDefinitions = new[] { "GLIBC_2.2.5", "GLIBC_2.39", "GLIBC_2.41", "GLIBC_PRIVATE" },
            });
            var path = libraries.Add("libie.so", LibrarySpec.InitialExec("libie.so", 16));
            var report = Analysis.Run(libraries, new AnalysisOptions { Sysroot = System.IO.Path.Combine(libraries.Root, "root") }, path);
            var budget = report.Library(path).Budget!;
            Assert.Equal(LibcVersionSource.Sysroot, budget.Judged.Source);
            Assert.Equal(new System.Version(2, 41), budget.Judged.From);
            Assert.True(budget.LibcBlockRead);
            Assert.Equal(136, budget.LibcBlock!.Value.Size);
            Assert.Equal(1696, budget.ReserveBytes);
            Assert.Contains("read from the sysroot's libc.so.6", BudgetText.Target(report.Budgets.Single()));
        }

        [Fact]
        public void Out_of_range_nns_is_ignored_as_glibc_does()
        {
            // elf/dl-tunables.c do_tunable_update_val: a value outside minval..maxval (dl-tunables.list: nns 1..16) is not set.
            Assert.Null(GlibcTunables.Parse("glibc.rtld.nns=17").Namespaces);
            Assert.Equal(16, GlibcTunables.Parse("GLIBC_TUNABLES=glibc.malloc.check=1:glibc.rtld.nns=16").Namespaces);
            Assert.Equal(1024, GlibcTunables.Parse("glibc.rtld.optional_static_tls=1024").OptionalStaticTls);
        }
    }
}
