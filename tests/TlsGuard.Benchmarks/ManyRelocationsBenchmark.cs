using System.Diagnostics;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Benchmarks
{
    /// <summary>In process: one library with millions of relocations: our scan against one `readelf -dlrW` run.</summary>
    internal static class ManyRelocationsBenchmark
    {
        private const int Repetitions = 5;

        public static void Run(string workFolder, int pointers)
        {
            Console.WriteLine("== in-process: generated library, " + pointers.ToString("N0") + " pointer relocations");
            bool built = !GeneratedLibrary.Exists(workFolder, pointers);
            var build = Stopwatch.StartNew();
            string library = GeneratedLibrary.Build(workFolder, pointers);
            Console.WriteLine("library: " + library + " (" + Measurement.Megabytes(new FileInfo(library).Length) + (built ? ", built in " + build.Elapsed.TotalSeconds.ToString("0.0") + " s" : ", prebuilt") + ")");

            long peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
            IReadOnlyList<ElfScanResult> results = Array.Empty<ElfScanResult>();
            var ours = new List<Measurement>();
            for (int i = 0; i < Repetitions; i++)
            {
                ours.Add(Measurement.Of(() => results = ElfScanner.Scan(library)));
            }

            Process self = Process.GetCurrentProcess();
            self.Refresh();
            ElfScanResult result = results.Single();
            if (result.Error != null || result.StaticTlsRelocations.GetValueOrDefault("R_X86_64_TPOFF64") != GeneratedLibrary.TlsVariables)
            {
                throw new InvalidOperationException("unexpected scan of the generated library: " + (result.Error ?? "wrong TPOFF64 count"));
            }

            Dictionary<string, int> readelfCounts = new();
            Measurement readelf = Measurement.Of(() => readelfCounts = Readelf.TlsRelocations(library));
            if (readelfCounts.GetValueOrDefault("R_X86_64_TPOFF64") != GeneratedLibrary.TlsVariables)
            {
                throw new InvalidOperationException("readelf disagrees on the TPOFF64 count");
            }

            TimeSpan best = ours.Min(m => m.Elapsed);
            TimeSpan median = ours.Select(m => m.Elapsed).OrderBy(t => t).ElementAt(Repetitions / 2);
            Console.WriteLine("ours:    first " + Measurement.Milliseconds(ours[0].Elapsed) + ", median " + Measurement.Milliseconds(median) + ", best " + Measurement.Milliseconds(best)
                + " (" + Repetitions + " runs); allocated per scan " + Measurement.Megabytes(ours[^1].Allocated)
                + "; process peak working set " + Measurement.Megabytes(peakBefore) + " before, " + Measurement.Megabytes(self.PeakWorkingSet64) + " after");
            Console.WriteLine("readelf: " + Measurement.Milliseconds(readelf.Elapsed) + " (one process, output read and parsed by us); peak RSS " + Measurement.Megabytes(ChildResources.PeakChildResidentBytes())
                + (built ? " (includes the gcc build: run with --prepare first)" : ""));
            Console.WriteLine("ratio:   readelf / ours (median) = " + (readelf.Elapsed.TotalMilliseconds / median.TotalMilliseconds).ToString("0.0") + "x");
            Console.WriteLine("found:   " + string.Join(", ", result.StaticTlsRelocations.Select(p => p.Key + " x" + p.Value)));
            Console.WriteLine();
        }
    }
}
