using System.Diagnostics;
using System.Text.Json;

namespace TlsGuard.Benchmarks.Processes
{
    /// <summary>
    /// Before anything is timed: the scanners must agree on what they are timed doing. Per file, the C scanner's count
    /// of TP-relative relocations equals the tool's static-TLS relocation counts of those types, and the native and
    /// JIT tools report the same files and findings. Their budgets' descriptions may differ: the framework-dependent
    /// tool judges with the libraries of the shared runtime it runs on (AnalysisOptionSet.InstalledRuntime), the
    /// native one, which has none beside it, with the measured .NET figures.
    /// </summary>
    internal static class Agreement
    {
        private static readonly string[] TpRelativeTypes = { "R_X86_64_TPOFF64", "R_X86_64_TPOFF32", "R_AARCH64_TLS_TPREL" };

        public static void Check(Scenario scenario, ScannerSet scanners)
        {
            Dictionary<string, long> c = CCounts(scanners.CScanner, scenario.Files);
            string native = JsonReport(scanners.NativeTool, scenario.Files);
            string jit = JsonReport(scanners.JitTool, scenario.Files);
            foreach (string section in new[] { "files", "findings" })
            {
                if (Section(native, section) != Section(jit, section))
                {
                    throw new InvalidOperationException(scenario.Label + ": the native and JIT tools reported different " + section);
                }
            }

            using JsonDocument report = JsonDocument.Parse(native);
            var tool = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (JsonElement file in report.RootElement.GetProperty("files").EnumerateArray())
            {
                if (file.GetProperty("archiveMember").ValueKind != JsonValueKind.Null)
                {
                    continue;
                }

                JsonElement counts = file.GetProperty("staticTlsRelocations");
                tool[file.GetProperty("path").GetString()!] = TpRelativeTypes.Sum(type => counts.TryGetProperty(type, out JsonElement n) ? n.GetInt64() : 0);
            }

            var disagreements = c.Where(pair => !tool.TryGetValue(pair.Key, out long ours) || ours != pair.Value)
                .Select(pair => pair.Key + ": C " + pair.Value + ", tlsguard " + (tool.TryGetValue(pair.Key, out long ours) ? ours.ToString() : "(not reported)"))
                .ToList();
            if (disagreements.Count > 0)
            {
                throw new InvalidOperationException(scenario.Label + ": the C scanner and the tool disagree:\n  " + string.Join("\n  ", disagreements.Take(10)));
            }

            Console.WriteLine("agreement " + scenario.Label + ": " + c.Count + " files, " + c.Values.Sum() + " TP-relative relocations (C scanner = tlsguard), native = JIT files and findings");
        }

        private static string Section(string report, string name)
        {
            using JsonDocument document = JsonDocument.Parse(report);
            return document.RootElement.GetProperty(name).GetRawText();
        }

        private static Dictionary<string, long> CCounts(ScannerCommand scanner, IReadOnlyList<string> files)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (string line in Output(scanner, scanner.Arguments(files)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                int space = line.IndexOf(' ');
                if (line[..space] != "-")
                {
                    counts[line[(space + 1)..]] = long.Parse(line[..space]);
                }
            }

            return counts;
        }

        private static string JsonReport(ScannerCommand tool, IReadOnlyList<string> files) =>
            Output(tool, tool.Arguments(files).Concat(new[] { "--format", "json" }));

        private static string Output(ScannerCommand scanner, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(scanner.Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException(scanner.Name + " did not start");
            Task<string> errors = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(scanner.Name + " failed (exit " + process.ExitCode + "): " + errors.Result);
            }

            return output;
        }
    }
}
