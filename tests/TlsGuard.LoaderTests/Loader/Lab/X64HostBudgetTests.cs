using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Elf;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// glibc 2.36 x86-64: the JIT host (`dotnet LoadProbe.dll`), a native-AOT LoadProbe and the bare C host, each budget
    /// derived from its loader trace and readelf facts, then checked byte-exactly by loading.
    /// </summary>
    [Collection(X64LabCollection.Name)]
    public sealed class X64HostBudgetTests
    {
        private static readonly GlibcTarget Glibc236 = GlibcTarget.X86_64("2.36");
        private readonly X64Lab _lab;
        private readonly ITestOutputHelper _output;

        public X64HostBudgetTests(X64Lab lab, ITestOutputHelper output)
        {
            _lab = lab;
            _output = output;
        }

        [Fact]
        public void Dotnet_host_runtime_libraries_use_general_dynamic_tls_and_take_no_static_tls_so_the_model_is_exact()
        {
            var modules = HostBudget.TraceModules(_lab.Dotnet, DotnetLoadHost.Muxer(), X64Lab.SystemFolders, _lab.Libraries.PathOf(8));
            var budget = HostBudget.Compute(Glibc236, modules, GlibcTunables.Defaults);
            Print(budget);

            var hostTls = budget.Modules.Zip(budget.Tls).Where(p => !p.First.AtStartup && p.Second.Block != null).ToList();
            Assert.Contains(hostTls, p => p.First.Name == "libcoreclr.so");
            Assert.All(hostTls, p => Assert.Equal(OwnTlsAccess.Dynamic, p.Second.Access));
            Assert.Equal(budget.Area.StartupUsed, budget.Area.Used);

            var largest = budget.LargestInitialExecBlock;
            Ladder.AssertLargest(Ladder.Climb(_lab.Dotnet, _lab.Libraries, Ladder.Around(largest)), largest, _lab.Dotnet.Name).ToList().ForEach(_output.WriteLine);

            // The current model claims exactly this reserve for the dotnet host on x86_64.
            var report = Agreement.Predict(_lab.Dotnet, new[] { _lab.Libraries.PathOf(largest) });
            Assert.Equal(largest, report.Libraries.Single().ReserveBytes);
            Assert.Equal(report.Libraries.Single().Budget!.StartupBytes, budget.Area.StartupUsed);
        }

        [Fact]
        public void Native_aot_host_has_its_own_tls_block_no_runtime_dlopens_and_a_larger_budget()
        {
            var modules = HostBudget.TraceModules(_lab.Aot, _lab.Aot.Executable, X64Lab.SystemFolders, _lab.Libraries.PathOf(8));
            var budget = HostBudget.Compute(Glibc236, modules, GlibcTunables.Defaults);
            Print(budget);

            Assert.Empty(budget.HostLoaded);
            Assert.Equal(new[] { "LoadProbe", "libm.so.6", "libc.so.6" }, budget.Modules.Select(m => m.Name));
            Assert.DoesNotContain("libstdc++.so.6", Readelf.Needed(LoaderCache.AotProbe));
            Assert.NotNull(budget.Tls[0].Block);

            var largest = budget.LargestInitialExecBlock;
            Ladder.AssertLargest(Ladder.Climb(_lab.Aot, _lab.Libraries, Ladder.Around(largest)), largest, _lab.Aot.Name).ToList().ForEach(_output.WriteLine);
        }

        [Fact]
        public void Single_file_host_carries_the_runtime_tls_in_its_own_block_and_dlopens_nothing_with_tls()
        {
            var modules = HostBudget.TraceModules(_lab.SingleFile, _lab.SingleFile.Executable, X64Lab.SystemFolders, _lab.Libraries.PathOf(8));
            var budget = HostBudget.Compute(Glibc236, modules, GlibcTunables.Defaults);
            Print(budget);
            Assert.DoesNotContain(budget.Tls.Skip(1), t => t.Name.StartsWith("libcoreclr", System.StringComparison.Ordinal));
            Assert.Equal(budget.Area.StartupUsed, budget.Area.Used);
            var largest = budget.LargestInitialExecBlock;
            var outcomes = Ladder.Climb(_lab.SingleFile, _lab.Libraries, new[] { largest, largest + 1 });
            Ladder.AssertLargest(outcomes, largest, _lab.SingleFile.Name).ToList().ForEach(_output.WriteLine);
        }

        [Fact]
        public void Bare_c_host_budget_is_the_surplus_rounded_over_libc_alone()
        {
            var modules = HostBudget.TraceModules(_lab.CHost, _lab.Set.HostPath, X64Lab.SystemFolders, _lab.Libraries.PathOf(8));
            var budget = HostBudget.Compute(Glibc236, modules, GlibcTunables.Defaults);
            Print(budget);
            var report = Agreement.Predict(_lab.CHost, new[] { _lab.Libraries.PathOf(8) });
            Assert.Equal(report.Libraries.Single().Budget!.StartupBytes, budget.Area.StartupUsed);
            var largest = budget.LargestInitialExecBlock;
            var outcomes = Ladder.Climb(_lab.CHost, _lab.Libraries, new[] { largest, largest + 1 });
            Ladder.AssertLargest(outcomes, largest, _lab.CHost.Name).ToList().ForEach(_output.WriteLine);
        }

        [Fact]
        public void Dotnet_wraps_the_loader_error_in_its_own_sentence()
        {
            var path = _lab.Libraries.PathOf(4096);
            var step = _lab.Dotnet.Load(new List<string> { path }).Steps.Single();
            Assert.False(step.Loaded);
            Assert.Equal(
                "Unable to load shared library '" + path + "' or one of its dependencies. In order to help diagnose loading problems, "
                + "consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable:  "
                + path + ": cannot allocate memory in static TLS block ",
                step.Message);
        }

        private void Print(HostBudget budget) => budget.Describe().ToList().ForEach(_output.WriteLine);
    }
}
