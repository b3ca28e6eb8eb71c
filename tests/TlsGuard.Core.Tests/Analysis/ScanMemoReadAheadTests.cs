using TlsGuard.Core.Analysis;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Tests.Analysis
{
    /// <summary>The memo's read-ahead: what it reads is what Scan would read, read once, and a failing lookup stops nothing.</summary>
    public sealed class ScanMemoReadAheadTests
    {
        private static readonly string Own = RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so");
        private static readonly string Needs = RepositoryRoot.Fixture("x86_64-gcc", "libneeds_ie.so");
        private static readonly string Archive = RepositoryRoot.Fixture("x86_64-gcc", "libtlsobjs.a");

        [Fact]
        public void The_files_next_names_are_read_ahead_and_not_read_again()
        {
            var source = new CountingSource();
            var memo = new ScanMemo(source, DiskFileSystem.ForOneRun());

            memo.ReadAhead(new[] { (Needs, 0) }, threads: 2, (results, depth) => depth == 0 ? new[] { (Own, 1) } : new (string, int)[0]);
            var own = memo.Scan(Own);
            var needs = memo.Scan(Needs);

            Assert.Equal(new[] { Needs, Own }, source.Paths.OrderByDescending(p => p == Needs));
            Assert.True(Assert.Single(own).HasStaticTls);
            Assert.Contains("libie_own.so", Assert.Single(needs).Needed);
        }

        [Fact]
        public void A_lookup_that_throws_stops_nothing_and_changes_no_result()
        {
            var source = new CountingSource();
            var memo = new ScanMemo(source, DiskFileSystem.ForOneRun());
            var paths = new[] { Own, Needs, Archive };

            memo.ReadAhead(paths.Select(p => (p, 0)).ToList(), threads: 3, (results, tag) => throw new InvalidOperationException("lookup failed"));

            var fresh = new ScanMemo(new DefaultScanSource(), DiskFileSystem.Instance);
            foreach (var path in paths)
            {
                Assert.Equal(Describe(fresh.Scan(path)), Describe(memo.Scan(path)));
            }

            Assert.Equal(3, source.Paths.Count);
        }

        [Fact]
        public void One_thread_reads_nothing_ahead()
        {
            var source = new CountingSource();
            var memo = new ScanMemo(source, DiskFileSystem.ForOneRun());

            memo.ReadAhead(new[] { (Own, 0) }, threads: 1, (results, tag) => new (string, int)[0]);

            Assert.Empty(source.Paths);
        }

        private static string Describe(IReadOnlyList<ElfScanResult> results) => string.Join(
            ";", results.Select(r => r.Path + "|" + r.ArchiveMember + "|" + r.Error + "|" + r.HasStaticTls + "|" + string.Join(",", r.Needed) + "|" + r.TlsBlock?.Size));

        private sealed class CountingSource : IScanSource
        {
            public List<string> Paths { get; } = new();

            public IReadOnlyList<ElfScanResult> Scan(string path)
            {
                lock (Paths)
                {
                    Paths.Add(path);
                }

                return ElfScanner.Scan(path);
            }
        }
    }
}
