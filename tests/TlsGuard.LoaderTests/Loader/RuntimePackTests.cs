using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>
    /// The host's own TLS users read with the scanner from a real runtime pack (the linux-arm64 one the loader lab restores)
    /// and from the installed x64 shared runtime, instead of the built-in table: the same figures the lab measured.
    /// </summary>
    public sealed class RuntimePackTests
    {
        private static string Arm64Pack
        {
            get
            {
                var packs = Path.Combine(LoaderCache.Folder, "packages", "microsoft.netcore.app.runtime.linux-arm64");
                var version = Directory.Exists(packs) ? Directory.GetDirectories(packs).OrderBy(d => d, System.StringComparer.Ordinal).LastOrDefault() : null;
                return version ?? throw new System.InvalidOperationException("the linux-arm64 runtime pack is missing under " + packs + "; " + LoaderCache.SetupHint);
            }
        }

        [Fact]
        public void An_arm64_runtime_pack_gives_the_descriptor_users_the_lab_measured()
        {
            using var fixture = new Model.FakeLibraries();
            var path = fixture.Add("libie.so", Model.LibrarySpec.InitialExec("libie.so", 16, machine: "aarch64"));
            var options = new AnalysisOptions { TargetLibc = "glibc-2.36", RuntimeIdentifier = "linux-arm64", RuntimePack = Arm64Pack };
            var budget = LoadAnalyzer.Analyze(new[] { new LibraryInput(path) }, options, new ScannerOrFake(fixture)).Libraries.Single().Budget!;
            Assert.Equal(HostDataSource.RuntimePack, budget.Host!.Source);
            Assert.Equal(
                new[] { "libhostfxr.so", "libhostpolicy.so", "libcoreclr.so", "libSystem.Native.so", "libclrjit.so" },
                budget.Host.Dlopened.Select(m => m.Block.Name));
            Assert.All(budget.Host.Dlopened, m => Assert.Equal(TlsAccessKind.Descriptor, m.Access));
            Assert.Equal(new long[] { 32, 32, 504, 8, 128 }, budget.Host.Dlopened.Select(m => m.Block.Size));
            Assert.Equal(200, budget.TakenByHostBytes);
            Assert.Equal(1480, budget.ReserveBytes);
        }

        [Fact]
        public void The_installed_x64_shared_runtime_uses_general_dynamic_tls_and_takes_nothing()
        {
            var shared = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            using var fixture = new Model.FakeLibraries();
            var path = fixture.Add("libie.so", Model.LibrarySpec.InitialExec("libie.so", 16));
            var options = new AnalysisOptions { TargetLibc = "glibc-2.36", RuntimePack = shared };
            var budget = LoadAnalyzer.Analyze(new[] { new LibraryInput(path) }, options, new ScannerOrFake(fixture)).Libraries.Single().Budget!;
            Assert.Equal(HostDataSource.RuntimePack, budget.Host!.Source);
            Assert.Contains(budget.Host.Dlopened, m => m.Block.Name == "libcoreclr.so" && m.Block.Size == 520);
            Assert.Contains(budget.Host.Dlopened, m => m.Block.Name == "libhostfxr.so");
            Assert.All(budget.Host.Dlopened, m => Assert.Equal(TlsAccessKind.Dynamic, m.Access));
            Assert.Equal(0, budget.TakenByHostBytes);
            Assert.Equal(1672, budget.ReserveBytes);
        }

        /// <summary>The fake libraries for the inputs, the real scanner for every other file (the runtime pack).</summary>
        private sealed class ScannerOrFake : Core.Scanning.IScanSource
        {
            private readonly Model.FakeLibraries _fake;
            private readonly DefaultScanSource _real = new DefaultScanSource();

            public ScannerOrFake(Model.FakeLibraries fake)
            {
                _fake = fake;
            }

            public System.Collections.Generic.IReadOnlyList<Core.Scanning.ElfScanResult> Scan(string path) =>
                path.StartsWith(_fake.Root, System.StringComparison.Ordinal) ? _fake.Scan(path) : _real.Scan(path);
        }
    }
}
