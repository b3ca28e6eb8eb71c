using System.Linq;
using TlsGuard.Core.Analysis;
using Xunit.Abstractions;
using TlsGuard.Core.Elf;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// NativeLibrary.Load on linux-arm64 (glibc 2.36 under qemu-aarch64): the runtime's own libraries reach their TLS
    /// through descriptors, so the host takes part of the optional pool before user code runs.
    /// </summary>
    [Collection(Arm64DotnetLabCollection.Name)]
    public sealed class Arm64DotnetBudgetTests
    {
        private readonly Arm64DotnetLab _lab;
        private readonly ITestOutputHelper _output;

        public Arm64DotnetBudgetTests(Arm64DotnetLab lab, ITestOutputHelper output)
        {
            _lab = lab;
            _output = output;
        }

        [Fact]
        public void The_host_dlopens_its_runtime_with_tls_descriptors_before_user_code()
        {
            var budget = _lab.Budget(GlibcTunables.Defaults);
            Print(budget);
            var startup = budget.Modules.Zip(budget.Tls).Where(p => p.First.AtStartup && p.Second.Block != null).Select(p => p.First.Name).ToList();
            Assert.Equal(new[] { "LoadProbe", "libstdc++.so.6", "libc.so.6" }, startup);

            var hostTls = budget.Modules.Zip(budget.Tls).Where(p => !p.First.AtStartup && p.Second.Block != null).ToList();
            Assert.Equal(
                new[] { "libhostfxr.so", "libhostpolicy.so", "libcoreclr.so", "libSystem.Native.so", "libclrjit.so" },
                hostTls.Select(p => p.First.Name));
            Assert.All(hostTls, p => Assert.Equal(OwnTlsAccess.Descriptor, p.Second.Access));
            Assert.All(hostTls, p => Assert.Equal(new[] { "R_AARCH64_TLSDESC" }, p.Second.RelocationKinds.Keys));
        }

        [Fact]
        public void Libcoreclr_does_not_fit_what_hostfxr_and_hostpolicy_leave_of_the_optional_pool_and_stays_dynamic()
        {
            var budget = _lab.Budget(GlibcTunables.Defaults);
            var placements = budget.Area.Placements.Where(p => p.Pool != TlsPool.Startup).ToDictionary(p => p.Block.Name);
            var coreclr = placements["libcoreclr.so"];
            Assert.Equal(TlsPool.None, coreclr.Pool);
            Assert.True(coreclr.Block.Size > coreclr.OptionalLeft, coreclr.ToString());
            Assert.Equal(TlsPool.Optional, placements["libhostfxr.so"].Pool);
            Assert.Equal(TlsPool.Optional, placements["libclrjit.so"].Pool);
            Print(budget);
        }

        [Fact]
        public void The_largest_initial_exec_block_is_what_glibc_leaves_after_the_runtime_took_its_descriptors()
        {
            var budget = _lab.Budget(GlibcTunables.Defaults);
            var largest = budget.LargestInitialExecBlock;
            var rows = Ladder.AssertLargest(Ladder.Climb(_lab.Host, _lab.Libraries, Ladder.Around(largest)), largest, _lab.Host.Name);
            Print(budget);
            rows.ToList().ForEach(_output.WriteLine);

            // The product's model counts the startup modules and the runtime's own TLS descriptor users, as the lab does.
            var model = Agreement.Predict(_lab.Host, new[] { _lab.Libraries.PathOf(largest) });
            var library = model.Libraries.Single();
            _output.WriteLine("model: " + library.ReserveBytes + " free, " + library.Budget!.TakenByHostBytes + " taken by the host; measured and derived: " + largest);
            Assert.Equal(largest, library.ReserveBytes);
            Assert.Equal(budget.Area.Used - budget.Area.StartupUsed, library.Budget.TakenByHostBytes);
            Assert.Equal(budget.Area.OptionalLeft, library.ReserveBytes - library.GuaranteedBytes);
        }

        [Theory]
        [InlineData(4, 1024)]
        [InlineData(5, 512)]
        public void Tunables_move_the_boundary_as_the_arithmetic_says(int namespaces, long optional)
        {
            var tunables = new GlibcTunables(namespaces, optional);
            var budget = _lab.Budget(tunables);
            var largest = budget.LargestInitialExecBlock;
            var outcomes = Ladder.Climb(_lab.Host, _lab.Libraries, new[] { largest, largest + 1 }, environment: tunables.AsVariables());
            Ladder.AssertLargest(outcomes, largest, _lab.Host.Name + " " + tunables).ToList().ForEach(_output.WriteLine);
            Print(budget);
        }

        [Fact]
        public void Single_file_links_the_runtime_in_so_nothing_takes_the_optional_pool()
        {
            var host = Arm64DotnetLoadHost.SingleFile;
            var modules = HostBudget.TraceModules(host, host.Executable, Arm64DotnetLoadHost.LibraryFolders, _lab.Libraries.PathOf(8));
            var budget = HostBudget.Compute(_lab.Target, modules, GlibcTunables.Defaults);
            Print(budget);
            Assert.Equal(budget.Area.StartupUsed, budget.Area.Used);
            var largest = budget.LargestInitialExecBlock;
            Assert.True(largest > _lab.Budget(GlibcTunables.Defaults).LargestInitialExecBlock);
            Ladder.AssertLargest(Ladder.Climb(host, _lab.Libraries, new[] { largest, largest + 1 }), largest, host.Name).ToList().ForEach(_output.WriteLine);
        }

        private void Print(HostBudget budget) => budget.Describe().ToList().ForEach(_output.WriteLine);
    }
}
