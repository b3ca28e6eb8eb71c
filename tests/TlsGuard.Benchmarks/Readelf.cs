using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TlsGuard.Benchmarks
{
    /// <summary>Runs `readelf -dlrW` as a child process, the way a shell-script check would, and reads its output.</summary>
    internal static class Readelf
    {
        private static readonly Regex RelocationLine = new(@"^\s*[0-9a-f]{8,16}\s+[0-9a-f]{8,16}\s+(\S+)", RegexOptions.Compiled);
        private static readonly Regex TlsName = new("TPOFF|TPREL|DTPMOD|DTPOFF|DTPREL|TLS", RegexOptions.Compiled);

        /// <summary>Runs readelf -dlrW on <paramref name="path"/> and returns how often each TLS relocation name was listed.</summary>
        public static Dictionary<string, int> TlsRelocations(string path)
        {
            var start = new ProcessStartInfo("readelf")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["LC_ALL"] = "C";
            start.ArgumentList.Add("-dlrW");
            start.ArgumentList.Add(path);

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("readelf did not start");
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string? line;
            while ((line = process.StandardOutput.ReadLine()) != null)
            {
                Match match = RelocationLine.Match(line);
                if (match.Success && TlsName.IsMatch(match.Groups[1].Value))
                {
                    string name = match.Groups[1].Value;
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                }
            }

            process.WaitForExit();
            stderr.Wait();
            return counts;
        }
    }
}
