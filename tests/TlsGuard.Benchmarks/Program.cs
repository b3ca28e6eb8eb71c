using TlsGuard.Benchmarks.Processes;

namespace TlsGuard.Benchmarks
{
    /// <summary>
    /// Scanner benchmarks; run.sh builds everything they need and runs them. Modes:
    ///   --prepare [--relocations N] [--work DIR]     build the generated library (a separate process, so gcc does
    ///                                                not count in the readelf peak RSS the in-process benchmarks read)
    ///   [--libdir DIR] [--relocations N] [--work DIR] [--archives-only]
    ///                                                in-process: ElfScanner against readelf, with allocations; archives
    ///   --processes --cscan PATH --aot PATH --jit DLL --small PATH --corpus LIST [--relocations N] [--work DIR]
    ///                                                every scanner as a fresh process: the table of ratios
    /// readelf's peak RSS is read with getrusage over all waited-for children, which would include the gcc that builds
    /// the generated library; so run.sh builds it first in the "--prepare" process.
    /// </summary>
    internal static class Program
    {
        public static int Main(string[] args)
        {
            string libdir = Option(args, "--libdir") ?? "/usr/lib/x86_64-linux-gnu";
            int relocations = int.Parse(Option(args, "--relocations") ?? "3000000");
            string work = Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "tlsguard-benchmarks");

            if (args.Contains("--prepare"))
            {
                Console.WriteLine("generated: " + GeneratedLibrary.Build(work, relocations));
                return 0;
            }

            if (args.Contains("--processes"))
            {
                RunProcesses(args, work, relocations);
                return 0;
            }

            if (!args.Contains("--archives-only"))
            {
                ManyRelocationsBenchmark.Run(work, relocations);
                SystemLibrariesBenchmark.Run(libdir);
            }

            ArchiveBenchmark.Run(libdir, Path.Combine(work, "archives"));
            return 0;
        }

        private static void RunProcesses(string[] args, string work, int relocations)
        {
            var scanners = new ScannerSet(
                ScannerCommand.CScanner(Required(args, "--cscan")),
                ScannerCommand.Readelf(),
                ScannerCommand.NativeTool(Required(args, "--aot")),
                ScannerCommand.JitTool(Required(args, "--jit")));
            string generated = GeneratedLibrary.Build(work, relocations);
            List<string> corpus = File.ReadAllLines(Required(args, "--corpus")).Where(line => line.Length > 0).ToList();
            string small = Required(args, "--small");

            var scenarios = new[]
            {
                new Scenario("(a)", "start-up: one small library, " + Path.GetFileName(small), new[] { small }, Yardstick.Readelf, 5, Warmup: 5, Runs: 30),
                new Scenario("(b)", "corpus: " + corpus.Count + " real libraries, " + Measurement.Megabytes(corpus.Sum(f => new FileInfo(f).Length)), corpus, Yardstick.CScanner, 3, Warmup: 2, Runs: 10),
                new Scenario("(c)", "generated library, " + Measurement.Megabytes(new FileInfo(generated).Length) + ", " + relocations.ToString("N0") + " relocations", new[] { generated }, Yardstick.CScanner, 3, Warmup: 2, Runs: 10),
            };
            foreach (Scenario scenario in scenarios)
            {
                Agreement.Check(scenario, scanners);
            }

            Console.WriteLine();
            ProcessBenchmark.Run(scenarios, scanners, work);
        }

        private static string Required(string[] args, string name) =>
            Option(args, name) ?? throw new ArgumentException(name + " is required with --processes");

        private static string? Option(string[] args, string name)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
    }
}
