using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// glibc.rtld.nns and glibc.rtld.optional_static_tls in the x86-64 dotnet host (glibc 2.36), with 512-byte TLSDESC
    /// libraries loaded first: what each tunable buys the initial-exec library that comes after them.
    /// </summary>
    [Collection(X64LabCollection.Name)]
    public sealed class TunableBudgetTests
    {
        private const string Jemalloc = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
        private static readonly GlibcTarget Glibc236 = GlibcTarget.X86_64("2.36");
        private readonly X64Lab _lab;
        private readonly ITestOutputHelper _output;
        private IReadOnlyList<TracedModule>? _modules;

        public TunableBudgetTests(X64Lab lab, ITestOutputHelper output)
        {
            _lab = lab;
            _output = output;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(5)]
        [InlineData(8)]
        [InlineData(16)]
        [InlineData(17)]
        public void Each_namespace_adds_288_guaranteed_bytes_after_a_descriptor_user(int namespaces)
        {
            var tunables = new GlibcTunables(namespaces);
            var largest = LargestAfterDescriptors(tunables, 1);
            var defaults = LargestAfterDescriptors(GlibcTunables.Defaults, 1);
            var expectedGain = 2 * GlibcTunables.IeTlsPerNamespace * (tunables.EffectiveNamespaces - GlibcTunables.DefaultNamespaces);
            Assert.InRange(largest - defaults, expectedGain - 63, expectedGain + 63);
            Measure(tunables, 1, largest);
        }

        [Theory]
        [InlineData(1024, 2)]
        [InlineData(1536, 3)]
        public void Optional_static_tls_buys_nothing_guaranteed_once_descriptor_users_take_the_pool(long optional, int descriptors)
        {
            var tunables = new GlibcTunables(OptionalStaticTls: optional);
            var largest = LargestAfterDescriptors(tunables, descriptors);
            Assert.Equal(LargestAfterDescriptors(GlibcTunables.Defaults, 1), largest);
            Measure(tunables, descriptors, largest);
        }

        [Fact]
        public void Optional_static_tls_helps_while_descriptor_users_leave_part_of_the_pool()
        {
            var tunables = new GlibcTunables(OptionalStaticTls: 1024);
            var largest = LargestAfterDescriptors(tunables, 1);
            Assert.Equal(LargestAfterDescriptors(GlibcTunables.Defaults, 1) + 512, largest);
            Measure(tunables, 1, largest);
        }

        [Fact]
        public void Smallest_tunables_that_load_jemalloc_with_and_without_a_descriptor_user_first()
        {
            if (!File.Exists(Jemalloc))
            {
                throw new InvalidOperationException(Jemalloc + " is missing; install libjemalloc2 (scripts/install-test-deps.sh)");
            }

            var jemalloc = HostBudget.BlockOf(Jemalloc);
            var modules = DotnetModules();
            var rows = new List<string>();
            foreach (var descriptors in new[] { 0, 1 })
            {
                var namespaces = Enumerable.Range(1, GlibcTunables.MaxNamespaces)
                    .First(n => HostBudget.Compute(Glibc236, modules, new GlibcTunables(n)).InitialExecLoads(jemalloc, _lab.DescriptorBlocks(descriptors)));
                var optional = Smallest(o => HostBudget.Compute(Glibc236, modules, new GlibcTunables(OptionalStaticTls: o)).InitialExecLoads(jemalloc, _lab.DescriptorBlocks(descriptors)));
                rows.AddRange(LoadsExactlyFrom(new GlibcTunables(namespaces), new GlibcTunables(namespaces - 1), descriptors));
                rows.AddRange(LoadsExactlyFrom(new GlibcTunables(OptionalStaticTls: optional), new GlibcTunables(OptionalStaticTls: optional - 1), descriptors));
            }

            // With every byte of a large pool taken by descriptor users, no optional_static_tls value helps.
            var whole = new GlibcTunables(OptionalStaticTls: 2048);
            Assert.False(HostBudget.Compute(Glibc236, modules, whole).InitialExecLoads(jemalloc, _lab.DescriptorBlocks(4)));
            var outcome = _lab.Dotnet.Load(_lab.Descriptors(4).Concat(new[] { Jemalloc }).ToList(), whole.AsVariables());
            Assert.False(outcome.Steps[^1].Loaded, outcome.Transcript);
            Assert.True(outcome.Steps.Take(4).All(s => s.Loaded), outcome.Transcript);
            rows.Add("| " + whole + " | 4 x TLSDESC 512 first | jemalloc fails |");
            rows.ForEach(_output.WriteLine);
        }

        private IEnumerable<string> LoadsExactlyFrom(GlibcTunables enough, GlibcTunables tooLittle, int descriptors)
        {
            var steps = _lab.Descriptors(descriptors).Concat(new[] { Jemalloc }).ToList();
            var loads = _lab.Dotnet.Load(steps, enough.AsVariables());
            var fails = _lab.Dotnet.Load(steps, tooLittle.AsVariables());
            Assert.True(loads.AllLoaded, enough + ":\n" + loads.Transcript);
            Assert.False(fails.Steps[^1].Loaded, tooLittle + ":\n" + fails.Transcript);
            Assert.Contains("libjemalloc.so.2: cannot allocate memory in static TLS block", fails.Steps[^1].Message);
            yield return "| " + enough + " | " + descriptors + " x TLSDESC 512 first | jemalloc loads; " + tooLittle + " fails |";
        }

        private static long Smallest(Func<long, bool> loads)
        {
            long low = 0;
            long high = 1 << 16;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (loads(middle))
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }

        private long LargestAfterDescriptors(GlibcTunables tunables, int descriptors)
        {
            var after = HostBudget.Compute(Glibc236, DotnetModules(), tunables).After(_lab.DescriptorBlocks(descriptors));
            Assert.Equal(descriptors, after.Placements.Count(p => p.Pool == TlsPool.Optional));
            return after.LargestInitialExecBlock();
        }

        private void Measure(GlibcTunables tunables, int descriptors, long largest)
        {
            var outcomes = Ladder.Climb(_lab.Dotnet, _lab.Libraries, new[] { largest, largest + 1 }, _lab.Descriptors(descriptors), tunables.AsVariables());
            Ladder.AssertLargest(outcomes, largest, _lab.Dotnet.Name + ", " + tunables + ", " + descriptors + " x TLSDESC 512 first").ToList().ForEach(_output.WriteLine);
        }

        private IReadOnlyList<TracedModule> DotnetModules()
        {
            return _modules ??= HostBudget.TraceModules(_lab.Dotnet, DotnetLoadHost.Muxer(), X64Lab.SystemFolders, _lab.Libraries.PathOf(8));
        }
    }
}
