using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Knowledge;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Model
{
    public sealed class KnowledgeTests
    {
        [Theory]
        [InlineData("libjemalloc.so.2", "jemalloc")]
        [InlineData("libmimalloc.so.2", "mimalloc")]
        [InlineData("libmimalloc-secure.so.2", "mimalloc")]
        [InlineData("libtcmalloc_minimal.so.4", "gperftools (tcmalloc)")]
        [InlineData("libgomp.so.1", "libgomp (GCC OpenMP)")]
        [InlineData("libgomp-d22c30c5.so.1.0.0", "libgomp (GCC OpenMP)")]
        [InlineData("libGLX_mesa.so.0", "Mesa / libglvnd")]
        [InlineData("libGLdispatch.so.0", "Mesa / libglvnd")]
        [InlineData("radeonsi_dri.so", "Mesa / libglvnd")]
        [InlineData("libasan.so.8", "AddressSanitizer runtime (libasan)")]
        [InlineData("libtsan.so.2", "ThreadSanitizer runtime (libtsan)")]
        [InlineData("liblsan.so.0", "LeakSanitizer runtime (liblsan)")]
        [InlineData("libubsan.so.1", "UndefinedBehaviorSanitizer runtime (libubsan)")]
        public void Known_offenders_are_recognised_by_name(string soname, string name)
        {
            Assert.Equal(name, KnownOffenders.Match(soname, soname, new string[0])?.Name);
        }

        [Theory]
        [InlineData("_rjem_je_tsd_tls", "jemalloc")]
        [InlineData("runtime.tlsg", "Go c-shared")]
        [InlineData("_glapi_tls_Dispatch", "Mesa / libglvnd")]
        [InlineData("_mi_heap_default", "mimalloc")]
        public void Known_offenders_linked_into_other_libraries_are_recognised_by_tls_symbol(string symbol, string name)
        {
            Assert.Equal(name, KnownOffenders.Match("libmyrustlib.so", "libmyrustlib.so", new[] { symbol })?.Name);
        }

        [Fact]
        public void Unknown_libraries_get_the_generic_fix()
        {
            Assert.Null(KnownOffenders.Match("libfoo.so", "libfoo.so", new[] { "foo_state" }));
            var remedy = RemedyAdvisor.For("libfoo.so", null, TargetLibc.Glibc, Outcome(new GlibcTunables(9, null)));
            Assert.Null(remedy.Known?.Name);
            Assert.Contains("-ftls-model=initial-exec", RemedyText.BuildFix(remedy));
            Assert.Contains("-mtls-dialect=gnu2", RemedyText.BuildFix(remedy));
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9", remedy.GlibcTunables);
            Assert.Contains("before the process starts", RemedyText.RuntimeWorkaround(remedy));
            Assert.Contains("Environment.SetEnvironmentVariable", RemedyText.RuntimeWorkaround(remedy));
        }

        [Fact]
        public void Every_entry_has_a_build_fix_and_a_way_to_be_recognised()
        {
            Assert.True(KnownOffenders.All.Count >= 8);
            Assert.All(KnownOffenders.All, o =>
            {
                Assert.False(string.IsNullOrWhiteSpace(o.BuildFix));
                Assert.True(o.FileNames.Count + o.Symbols.Count > 0);
                Assert.False(string.IsNullOrWhiteSpace(o.References), o.Name + " cites no upstream issue or commit");
                Assert.False(string.IsNullOrWhiteSpace(o.Verified), o.Name + " names no binary whose TLS was verified");
            });
            Assert.Equal(KnownOffenders.All.Count, KnownOffenders.All.Select(o => o.Name).Distinct().Count());
        }

        [Theory]
        [InlineData("glibc-2.28")]
        [InlineData("musl")]
        [InlineData("bionic")]
        [InlineData("freebsd")]
        public void The_tunable_is_offered_only_for_glibc_2_32_and_later(string libc)
        {
            Assert.True(TargetLibc.TryParse(libc, out var target));
            Assert.Null(RemedyAdvisor.For("libjemalloc.so.2", null, target, Outcome(new GlibcTunables(9, null))).GlibcTunables);
        }

        private static BudgetOutcome Outcome(GlibcTunables setting) =>
            new BudgetOutcome { Verdict = Verdict.Fails, Rule = BudgetRule.ExceedsReserve, Tunable = new TunableRemedy(setting, Guaranteed: true) };
    }
}
