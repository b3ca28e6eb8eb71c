using System.Diagnostics;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;
using Xunit.Abstractions;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>
    /// Thousands of deterministically corrupted fixtures, scanned in memory. The scanner catches everything, so the
    /// test looks behind that: every failure must be one the readers diagnosed (not an IndexOutOfRange or overflow
    /// surfacing as "unreadable (...)"), and no scan may allocate more than a small fixed budget.
    /// </summary>
    public sealed class MutationTests
    {
        private const int CopiesPerFixture = 1500;
        private const long AllocationBudget = 4 * 1024 * 1024;
        private readonly ITestOutputHelper output;

        public MutationTests(ITestOutputHelper output) => this.output = output;

        [Theory]
        [InlineData("x86_64-gcc/libie_own.so", 1)]
        [InlineData("ppc64-gcc/libie_ext.so", 2)]
        [InlineData("x86_64-gcc/libtlsobjs.a", 3)]
        [InlineData("aarch64-gcc/libie_own_stripped.so", 4)]
        [InlineData("x86_64-gcc/ie.o", 5)]
        [InlineData("mips64el-gcc/libie_ext.so", 6)]
        [InlineData("i686-gcc/libdesc.so", 7)]
        public void Corrupted_copies_are_diagnosed_without_surprises(string fixture, int seed)
        {
            var mutator = new Mutator(File.ReadAllBytes(RepositoryRoot.Fixture(fixture)), seed);
            var watch = Stopwatch.StartNew();
            var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
            int failed = 0;
            int read = 0;
            long worstAllocation = 0;
            for (int copy = 0; copy < CopiesPerFixture; copy++)
            {
                byte[] image = mutator.Next();
                long before = GC.GetAllocatedBytesForCurrentThread();
                IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(image, fixture);
                worstAllocation = Math.Max(worstAllocation, GC.GetAllocatedBytesForCurrentThread() - before);

                foreach (ElfScanResult result in results)
                {
                    Assert.False(
                        result.Error != null && result.Error.StartsWith("unreadable (", StringComparison.Ordinal),
                        "copy " + copy + " of " + fixture + ": " + result.Error);
                    if (result.Error == null)
                    {
                        read++;
                    }
                    else
                    {
                        failed++;
                        string reason = new string(result.Error.TakeWhile(c => !char.IsDigit(c)).ToArray());
                        reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                    }
                }
            }

            output.WriteLine(fixture + ": " + read + " read, " + failed + " rejected, worst allocation " + worstAllocation + " bytes, " + watch.ElapsedMilliseconds + " ms");
            foreach (KeyValuePair<string, int> reason in reasons.OrderByDescending(r => r.Value))
            {
                output.WriteLine("  " + reason.Value + " x " + reason.Key);
            }

            Assert.True(worstAllocation < AllocationBudget, "a scan allocated " + worstAllocation + " bytes");
            Assert.True(failed > CopiesPerFixture / 10, "only " + failed + " corrupted copies were rejected");
            Assert.True(read > 0, "no corrupted copy was readable: the mutations never missed a checked field");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), fixture + " took " + watch.Elapsed);
        }
    }
}
