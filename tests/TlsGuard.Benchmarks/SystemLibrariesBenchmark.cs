using System.Text.RegularExpressions;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Elf;

namespace TlsGuard.Benchmarks
{
    /// <summary>
    /// In process: every ELF file and archive in a system library folder (symbolic links left out, so each file counts once):
    /// our scan of all of them against one `readelf -dlrW` process per file. Shared objects and executables are also
    /// cross-checked: every TLS relocation readelf lists must be in our static or dynamic counts.
    /// </summary>
    internal static class SystemLibrariesBenchmark
    {
        private static readonly Regex TlsName = new("TPOFF|TPREL|DTPMOD|DTPOFF|DTPREL|TLS", RegexOptions.Compiled);

        public static void Run(string folder)
        {
            Console.WriteLine("== in-process: every ELF file under " + folder);
            List<string> files = FileDiscovery.Discover(new[] { folder }).Files
                .Where(f => f.Error == null && new FileInfo(f.Path).LinkTarget == null)
                .Select(f => f.Path)
                .ToList();
            long bytes = files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine("files:   " + files.Count + " (" + Measurement.Megabytes(bytes) + ")");

            var results = new Dictionary<string, IReadOnlyList<ElfScanResult>>(StringComparer.Ordinal);
            Measurement cold = Measurement.Of(() => ScanAll(files, results));
            Measurement warm = Measurement.Of(() => ScanAll(files, results));

            var readelfCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            Measurement readelf = Measurement.Of(() =>
            {
                foreach (string file in files)
                {
                    readelfCounts[file] = Readelf.TlsRelocations(file);
                }
            });

            List<ElfScanResult> all = results.Values.SelectMany(r => r).ToList();
            Console.WriteLine("ours:    " + Measurement.Milliseconds(cold.Elapsed) + " first pass, " + Measurement.Milliseconds(warm.Elapsed) + " second pass ("
                + (warm.Elapsed.TotalMilliseconds * 1000 / files.Count).ToString("0") + " us per file); allocated " + Measurement.Megabytes(warm.Allocated) + " per pass");
            Console.WriteLine("readelf: " + Measurement.Milliseconds(readelf.Elapsed) + " total for " + files.Count + " processes ("
                + (readelf.Elapsed.TotalMilliseconds / files.Count).ToString("0.00") + " ms per file)");
            Console.WriteLine("ratio:   readelf / ours (second pass) = " + (readelf.Elapsed.TotalMilliseconds / warm.Elapsed.TotalMilliseconds).ToString("0") + "x");
            Console.WriteLine("results: " + all.Count + " (archive members counted singly), " + all.Count(r => r.Error != null) + " with an error, "
                + all.Count(r => r.HasStaticTls) + " with static TLS relocations, " + all.Count(r => r.TlsBlock != null) + " with PT_TLS");
            foreach (ElfScanResult error in all.Where(r => r.Error != null).Take(10))
            {
                Console.WriteLine("  error: " + error.DisplayPath + ": " + error.Error);
            }

            int compared = 0;
            var disagreements = new List<string>();
            foreach (string file in files)
            {
                IReadOnlyList<ElfScanResult> scanned = results[file];
                if (scanned.Count != 1 || scanned[0].Error != null || scanned[0].FileType == ElfType.Relocatable)
                {
                    continue;
                }

                compared++;
                var ours = scanned[0].StaticTlsRelocations.Concat(scanned[0].DynamicTlsRelocations).OrderBy(p => p.Key, StringComparer.Ordinal);
                var theirs = readelfCounts[file].Where(p => TlsName.IsMatch(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal);
                if (!ours.SequenceEqual(theirs))
                {
                    disagreements.Add(file + ": ours " + Describe(ours) + ", readelf " + Describe(theirs));
                }
            }

            Console.WriteLine("check:   TLS relocation counts of " + compared + " shared objects/executables vs readelf: " + disagreements.Count + " disagreements");
            foreach (string disagreement in disagreements.Take(10))
            {
                Console.WriteLine("  " + disagreement);
            }

            foreach (ElfScanResult offender in all.Where(r => r.HasStaticTls && r.FileType != ElfType.Relocatable).OrderBy(r => r.DisplayPath, StringComparer.Ordinal))
            {
                Console.WriteLine("  static TLS: " + Path.GetFileName(offender.Path) + " " + Describe(offender.StaticTlsRelocations) + " block " + (offender.TlsBlock?.Size.ToString() ?? "-")
                    + " -> " + string.Join(", ", offender.StaticTlsSymbols.Select(s => (s.Name ?? "(own block)") + (s.DefinedHere ? "" : " [undefined]"))));
            }

            Console.WriteLine();
        }

        private static void ScanAll(List<string> files, Dictionary<string, IReadOnlyList<ElfScanResult>> results)
        {
            foreach (string file in files)
            {
                results[file] = ElfScanner.Scan(file);
            }
        }

        private static string Describe(IEnumerable<KeyValuePair<string, int>> counts) =>
            "{" + string.Join(", ", counts.Select(p => p.Key + ":" + p.Value)) + "}";
    }
}
