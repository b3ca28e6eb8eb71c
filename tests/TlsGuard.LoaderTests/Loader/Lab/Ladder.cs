using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>Initial-exec libraries of any size (block aligned to 1, one TP-relative relocation with symbol 0), built on demand.</summary>
    internal sealed class LadderLibraries : IDisposable
    {
        private readonly TempDirectory _folder;
        private readonly ConcurrentDictionary<long, Lazy<string>> _built = new ConcurrentDictionary<long, Lazy<string>>();

        public LadderLibraries(Toolchain toolchain, string label)
        {
            toolchain.Require();
            Toolchain = toolchain;
            _folder = new TempDirectory("ladder-" + label);
        }

        public Toolchain Toolchain { get; }
        public string Folder => _folder.Path;

        public string PathOf(long size)
        {
            return _built.GetOrAdd(size, s => new Lazy<string>(() => Build(s))).Value;
        }

        /// <summary>Builds several sizes at once (2 compilers at a time).</summary>
        public void Prepare(IEnumerable<long> sizes)
        {
            Parallel.ForEach(sizes.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 2 }, size => PathOf(size));
        }

        public void Dispose() => _folder.Dispose();

        private string Build(long size)
        {
            var library = FixtureLibrary.InitialExec("ladder" + size.ToString(CultureInfo.InvariantCulture), size, align: 1);
            var path = Path.Combine(Folder, library.FileName);
            Toolchain.Compile(path, library.Source, library.Arguments);
            return path;
        }
    }

    /// <summary>One rung per process: the optional steps before it, then the rung's library; two processes at a time.</summary>
    internal static class Ladder
    {
        /// <summary>The rungs that pin a boundary to the byte: 8 below, the largest, one above, 8 above.</summary>
        public static long[] Around(long largest) => new[] { largest - 8, largest, largest + 1, largest + 8 };

        public static IReadOnlyDictionary<long, LoadOutcome> Climb(
            LoadHost host, LadderLibraries libraries, IEnumerable<long> sizes, IReadOnlyList<string>? before = null, IReadOnlyDictionary<string, string>? environment = null)
        {
            var rungs = sizes.Distinct().ToList();
            libraries.Prepare(rungs);
            var outcomes = new ConcurrentDictionary<long, LoadOutcome>();
            Parallel.ForEach(rungs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, size =>
            {
                var steps = (before ?? Array.Empty<string>()).Concat(new[] { libraries.PathOf(size) }).ToList();
                outcomes[size] = host.Load(steps, environment);
            });
            return outcomes;
        }

        /// <summary>
        /// Every rung up to <paramref name="largest"/> loads after its prefix; every rung above it fails with glibc's static
        /// TLS error naming the rung. Returns the table rows for the test output.
        /// </summary>
        public static IReadOnlyList<string> AssertLargest(IReadOnlyDictionary<long, LoadOutcome> outcomes, long largest, string context)
        {
            var rows = new List<string>();
            foreach (var (size, outcome) in outcomes.OrderBy(o => o.Key))
            {
                var rung = outcome.Steps[^1];
                var prefixFailure = outcome.Steps.Take(outcome.Steps.Count - 1).FirstOrDefault(s => !s.Loaded);
                Assert.True(prefixFailure == null, context + ": a step before the rung failed:\n" + outcome.Transcript);
                rows.Add("| " + context + " | " + size + " | " + (rung.Loaded ? "loads" : "fails") + " |");
                if (size <= largest)
                {
                    Assert.True(rung.Loaded, context + ": " + size + " bytes should load (largest " + largest + "):\n" + outcome.Transcript);
                }
                else
                {
                    Assert.False(rung.Loaded, context + ": " + size + " bytes should fail (largest " + largest + "):\n" + outcome.Transcript);
                    Assert.Contains(Path.GetFileName(rung.Path) + ": cannot allocate memory in static TLS block", rung.Message);
                }
            }

            return rows;
        }
    }
}
