using TlsGuard.Fuzz.Harness;
using TlsGuard.Fuzz.Mutation;

namespace TlsGuard.Fuzz
{
    /// <summary>
    /// Command line (tests/TlsGuard.Fuzz/README.md):
    ///   afl                                     the afl++ target (scripts/fuzz-afl.sh)
    ///   campaign [--seed N] [--iterations N] [--minutes M] [--out DIR]
    ///   replay DIR-OR-FILE... [--out DIR]       re-measure saved inputs (an afl queue, crashes, a corpus)
    ///   hostile [--keep DIR]                    issue 12's hostile shapes (make_hostile.py), scanned from disk
    /// Exit code 1 when any input broke a rule, 0 otherwise, 2 for usage errors.
    /// </summary>
    internal static class FuzzCommand
    {
        public const int DefaultSeed = 12;
        public const long DefaultIterations = 1_000_000;

        public static int Run(string[] args)
        {
            string mode = args.Length == 0 ? "" : args[0];
            try
            {
                switch (mode)
                {
                    case "afl":
                        AflTarget.Run();
                        return 0;
                    case "campaign":
                        return RunCampaign(args.Skip(1).ToList());
                    case "replay":
                        return RunReplay(args.Skip(1).ToList());
                    case "hostile":
                        return RunHostile(args.Skip(1).ToList());
                }
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
            }

            Console.Error.WriteLine("usage: TlsGuard.Fuzz afl | campaign [--seed N] [--iterations N] [--minutes M] [--out DIR] | replay PATH... [--out DIR] | hostile [--keep DIR]");
            return 2;
        }

        private static int RunCampaign(List<string> args)
        {
            int seed = (int)(Option(args, "--seed") ?? DefaultSeed);
            long? minutes = Option(args, "--minutes");
            long iterations = Option(args, "--iterations") ?? (minutes != null ? long.MaxValue : DefaultIterations);
            string? output = Text(args, "--out");
            RejectLeftovers(args);
            var generator = new InputGenerator(InputGenerator.LoadFixtures(FuzzPaths.Fixtures), seed);
            var options = new CampaignOptions(seed, iterations, minutes == null ? null : TimeSpan.FromMinutes(minutes.Value), output, 256, 200);
            Console.WriteLine($"campaign: seed {seed}, {(iterations == long.MaxValue ? "unbounded" : iterations.ToString())} iterations, time limit {(minutes == null ? "none" : minutes + " min")}");
            return Print(Campaign.Run(generator, options, ScanBudget.Default));
        }

        private static int RunReplay(List<string> args)
        {
            string? output = Text(args, "--out");
            var files = new List<string>();
            foreach (string path in args)
            {
                if (Directory.Exists(path))
                {
                    // Not afl-fuzz's .state folders (links back into the queue) nor the .txt notes beside saved findings.
                    files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal) && !Path.GetRelativePath(path, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                        .OrderBy(f => f, StringComparer.Ordinal));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    throw new FormatException("no such file or folder: " + path);
                }
            }

            var options = new CampaignOptions(0, long.MaxValue, null, output, 64, 200);
            Console.WriteLine($"replay: {files.Count} files");
            return Print(Campaign.Replay(files, options, ScanBudget.Default));
        }

        /// <summary>
        /// Writes issue 12's hostile shapes with tests/fixtures/hostile/make_hostile.py (into --keep DIR, or a temporary
        /// folder) and scans each from disk with the same judge: what each costs, for the figures the tests assert.
        /// </summary>
        private static int RunHostile(List<string> args)
        {
            string? keep = Text(args, "--keep");
            RejectLeftovers(args);
            string folder = keep ?? Path.Combine(Path.GetTempPath(), "tlsguard-hostile-" + Environment.ProcessId);
            Directory.CreateDirectory(folder);
            try
            {
                var generator = System.Diagnostics.Process.Start("python3", new[] { Path.Combine(FuzzPaths.Fixtures, "hostile", "make_hostile.py"), folder })!;
                generator.WaitForExit();
                if (generator.ExitCode != 0)
                {
                    throw new FormatException("make_hostile.py failed");
                }

                int failures = 0;
                foreach (string path in Directory.EnumerateFiles(folder).OrderBy(p => p, StringComparer.Ordinal))
                {
                    ScanMeasurement m = ScanProbe.MeasureFile(path);
                    var problems = ScanJudge.Judge(m, ScanBudget.Default);
                    failures += problems.Count == 0 ? 0 : 1;
                    string first = m.Results.Count == 0 ? "" : m.Results[0].Error ?? "read";
                    Console.WriteLine($"{Path.GetFileName(path)}: {m.InputLength} bytes, {m.Elapsed.TotalMilliseconds:F0} ms, {m.AllocatedBytes / (1024.0 * 1024.0):F1} MiB allocated, {m.BytesRead / (1024.0 * 1024.0):F1} MiB read, {m.Results.Count} results, first: {Shorten(first)}");
                    foreach (Violation v in problems)
                    {
                        Console.WriteLine("  " + Shorten(v.ToString()));
                    }
                }

                return failures == 0 ? 0 : 1;
            }
            finally
            {
                if (keep == null)
                {
                    Directory.Delete(folder, true);
                }
            }
        }

        private static string Shorten(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "...";

        private static int Print(CampaignReport report)
        {
            foreach (string line in report.Lines())
            {
                Console.WriteLine(line);
            }

            return report.Findings.Count == 0 ? 0 : 1;
        }

        private static long? Option(List<string> args, string name)
        {
            string? text = Text(args, name);
            if (text == null)
            {
                return null;
            }

            return long.TryParse(text, out long value) && value >= 0 ? value : throw new FormatException(name + " needs a non-negative number, not " + text);
        }

        private static void RejectLeftovers(List<string> args)
        {
            if (args.Count > 0)
            {
                throw new FormatException("unknown argument: " + args[0]);
            }
        }

        /// <summary>Removes "--name value" from <paramref name="args"/> and returns the value.</summary>
        private static string? Text(List<string> args, string name)
        {
            int i = args.IndexOf(name);
            if (i < 0)
            {
                return null;
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException(name + " needs a value");
            }

            string value = args[i + 1];
            args.RemoveRange(i, 2);
            return value;
        }
    }
}
