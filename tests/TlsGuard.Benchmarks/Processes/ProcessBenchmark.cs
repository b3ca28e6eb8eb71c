using System.Globalization;

namespace TlsGuard.Benchmarks.Processes
{
    /// <summary>
    /// The scanners as a pipeline runs them, each a fresh process, timed in one run so every figure is a ratio: the C
    /// yardstick, binutils readelf, the native AOT tool and the JIT (framework-dependent) tool, over (a) one small
    /// library (start-up), (b) a corpus of real libraries, (c) a generated library with millions of relocations;
    /// (d) the peak resident set of each. Prints a Markdown table (medians) and each target's verdict.
    /// </summary>
    internal static class ProcessBenchmark
    {
        public static void Run(IReadOnlyList<Scenario> scenarios, ScannerSet scanners, string workFolder)
        {
            Console.WriteLine("== process benchmarks: hyperfine (no shell, output discarded): median wall time, mean CPU time; peak RSS from /usr/bin/time -f %M");
            Console.WriteLine("load average at start: " + File.ReadAllText("/proc/loadavg").Trim() + " (" + Environment.ProcessorCount + " cores)");
            Console.WriteLine();
            Console.WriteLine("| scenario | scanner | median | x C scanner | x readelf | CPU (user+sys) | CPU x C scanner | peak RSS |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            var verdicts = new List<string>();
            var nativePeaks = new List<(string Label, long Bytes)>();
            foreach (Scenario scenario in scenarios)
            {
                IReadOnlyList<ScannerCommand> all = scanners.All;
                IReadOnlyList<Timing> timings = Hyperfine.Measure(all.Select(s => s.CommandLine(scenario.Files)).ToList(), scenario.Warmup, scenario.Runs, workFolder);
                TimeSpan Median(ScannerCommand scanner) => timings[IndexOf(all, scanner)].Median;
                TimeSpan Cpu(ScannerCommand scanner) => timings[IndexOf(all, scanner)].Cpu;
                TimeSpan c = Median(scanners.CScanner);
                TimeSpan readelf = Median(scanners.Readelf);
                foreach (ScannerCommand scanner in all)
                {
                    long peak = PeakMemory.Bytes(scanner, scenario.Files);
                    if (scanner == scanners.NativeTool)
                    {
                        nativePeaks.Add((scenario.Label, peak));
                    }

                    TimeSpan median = Median(scanner);
                    Console.WriteLine("| " + scenario.Label + " | " + scanner.Name + " | " + Milliseconds(median) + " | " + Ratio(median, c) + " | " + Ratio(median, readelf)
                        + " | " + Milliseconds(Cpu(scanner)) + " | " + Ratio(Cpu(scanner), Cpu(scanners.CScanner)) + " | " + Measurement.Megabytes(peak) + " |");
                }

                ScannerCommand yardstick = scanners.Yardstick(scenario.Yardstick);
                double ratio = Median(scanners.NativeTool) / Median(yardstick);
                double cpuRatio = Cpu(scanners.NativeTool) / Cpu(yardstick);
                verdicts.Add(scenario.Label + " (" + scenario.Description + "): " + scanners.NativeTool.Name + " = " + ratio.ToString("0.0", CultureInfo.InvariantCulture) + "x " + yardstick.Name
                    + ", target <= " + scenario.Target.ToString("0", CultureInfo.InvariantCulture) + "x: " + (ratio <= scenario.Target ? "met" : "NOT met")
                    + " (CPU time: " + cpuRatio.ToString("0.0", CultureInfo.InvariantCulture) + "x)");
            }

            Console.WriteLine();
            foreach (string verdict in verdicts)
            {
                Console.WriteLine(verdict);
            }

            Console.WriteLine("(d) peak RSS of " + scanners.NativeTool.Name + ": " + string.Join(", ", nativePeaks.Select(p => p.Label + " " + Measurement.Megabytes(p.Bytes))));
            Console.WriteLine();
        }

        private static int IndexOf(IReadOnlyList<ScannerCommand> scanners, ScannerCommand scanner)
        {
            for (int i = 0; i < scanners.Count; i++)
            {
                if (scanners[i] == scanner)
                {
                    return i;
                }
            }

            throw new ArgumentException(scanner.Name + " is not among the scanners");
        }

        private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

        private static string Ratio(TimeSpan time, TimeSpan baseline) => (time / baseline).ToString("0.0", CultureInfo.InvariantCulture) + "x";
    }
}
