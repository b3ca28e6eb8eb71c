using System.Diagnostics;
using System.Text.Json;

namespace TlsGuard.Benchmarks.Processes
{
    /// <summary>
    /// Times whole processes with hyperfine (Debian's package; run.sh installs it): no shell in between (-N), output
    /// discarded, warm-up runs first so every tool reads its inputs from the page cache. Per command: the median wall
    /// time, and the mean CPU time (user + system), which a busy shared machine distorts less than wall time.
    /// </summary>
    internal static class Hyperfine
    {
        public static IReadOnlyList<Timing> Measure(IReadOnlyList<string> commandLines, int warmup, int runs, string workFolder)
        {
            string export = Path.Combine(workFolder, "hyperfine-" + Guid.NewGuid().ToString("N") + ".json");
            var arguments = new List<string> { "-N", "--style", "none", "--warmup", warmup.ToString(), "--runs", runs.ToString(), "--export-json", export };
            arguments.AddRange(commandLines);
            Run("hyperfine", arguments);

            using JsonDocument results = JsonDocument.Parse(File.ReadAllText(export));
            File.Delete(export);
            return results.RootElement.GetProperty("results").EnumerateArray()
                .Select(result => new Timing(
                    TimeSpan.FromSeconds(result.GetProperty("median").GetDouble()),
                    TimeSpan.FromSeconds(result.GetProperty("user").GetDouble() + result.GetProperty("system").GetDouble())))
                .ToList();
        }

        private static void Run(string program, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(program + " failed (is it installed? run.sh installs it):\n" + output.Result + errors);
            }
        }
    }

    /// <summary>A command's median wall time and mean CPU time over the timed runs.</summary>
    internal readonly record struct Timing(TimeSpan Median, TimeSpan Cpu);
}
