using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// Debian 13's glibc 2.41 (its own ld.so and libc, bound with patchelf) against this machine's 2.36: the rseq area
    /// joins the startup TLS and libc's own block shrinks, so budgets move, in different directions per host.
    /// </summary>
    [Collection(X64LabCollection.Name)]
    public sealed class Glibc241BudgetTests
    {
        private readonly X64Lab _lab;
        private readonly ITestOutputHelper _output;

        public Glibc241BudgetTests(X64Lab lab, ITestOutputHelper output)
        {
            _lab = lab;
            _output = output;
        }

        [Fact]
        public void The_241_hosts_run_on_debian_13s_loader_and_libc()
        {
            var libc = System.IO.Path.Combine(LoaderCache.Glibc241Libraries, "libc.so.6");
            foreach (var host in new LoadHost[] { _lab.CHost241, _lab.Dotnet241 })
            {
                var run = host.Run(new[] { _lab.Libraries.PathOf(8) }, new Dictionary<string, string> { ["LD_DEBUG"] = "libs" });
                Assert.Contains("calling init: " + libc, run.Error);
                Assert.Contains("ok " + _lab.Libraries.PathOf(8), run.Output);
            }
        }

        [Fact]
        public void Bare_c_host_budget_on_236_and_241()
        {
            var sentinel = _lab.Libraries.PathOf(8);
            var old = HostBudget.Compute(GlibcTarget.X86_64("2.36"), HostBudget.TraceModules(_lab.CHost, _lab.Set.HostPath, X64Lab.SystemFolders, sentinel), GlibcTunables.Defaults);
            var modern = HostBudget.Compute(
                GlibcTarget.X86_64("2.41"), HostBudget.TraceModules(_lab.CHost241, _lab.Set.HostPath, X64Lab.Glibc241Folders, sentinel), GlibcTunables.Defaults, RseqArea.FromKernel());
            Compare(_lab.CHost, old, _lab.CHost241, modern);
        }

        [Fact]
        public void Dotnet_host_budget_on_236_and_241()
        {
            var sentinel = _lab.Libraries.PathOf(8);
            var old = HostBudget.Compute(GlibcTarget.X86_64("2.36"), HostBudget.TraceModules(_lab.Dotnet, DotnetLoadHost.Muxer(), X64Lab.SystemFolders, sentinel), GlibcTunables.Defaults);
            var modern = HostBudget.Compute(
                GlibcTarget.X86_64("2.41"), HostBudget.TraceModules(_lab.Dotnet241, LoaderCache.Glibc241Muxer, X64Lab.Glibc241Folders, sentinel), GlibcTunables.Defaults, RseqArea.FromKernel());
            Compare(_lab.Dotnet, old, _lab.Dotnet241, modern);
        }

        private void Compare(LoadHost oldHost, HostBudget old, LoadHost modernHost, HostBudget modern)
        {
            old.Describe().Concat(modern.Describe()).ToList().ForEach(_output.WriteLine);
            var oldLibc = old.Tls.Single(t => t.Name == "libc.so.6").Block!;
            var modernLibc = modern.Tls.Single(t => t.Name == "libc.so.6").Block!;
            Assert.StartsWith(LoaderCache.Glibc241Libraries, modern.Tls.Single(t => t.Name == "libc.so.6").Path);
            Assert.Contains(modern.Area.Placements, p => p.Block.Name == "rseq area");
            _output.WriteLine("libc.so.6 PT_TLS: 2.36 " + oldLibc.Size + ", 2.41 " + modernLibc.Size);

            var largestOld = old.LargestInitialExecBlock;
            var largestModern = modern.LargestInitialExecBlock;
            Ladder.AssertLargest(Ladder.Climb(oldHost, _lab.Libraries, new[] { largestOld, largestOld + 1 }), largestOld, oldHost.Name).ToList().ForEach(_output.WriteLine);
            Ladder.AssertLargest(Ladder.Climb(modernHost, _lab.Libraries, new[] { largestModern, largestModern + 1 }), largestModern, modernHost.Name).ToList().ForEach(_output.WriteLine);
        }
    }
}
