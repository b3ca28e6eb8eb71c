using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TlsGuard.Tests.Shared;

namespace TlsGuard.PackageLab
{
    /// <summary>One entry of the CLI's JSON <c>files[]</c>: a checked file and its verdict for the target.</summary>
    public sealed record CliFile(string Path, string Type, string? Soname, string Verdict, IReadOnlyList<string> Chain, long RequiredStaticTlsBytes, string Libc)
    {
        public string FileName => System.IO.Path.GetFileName(Path);
    }

    /// <summary>One entry of the CLI's JSON <c>findings[]</c>, with its extra facts (TLS005 <c>needed</c>, TLS009 <c>subject</c> ...).</summary>
    public sealed record CliFinding(string Id, string Level, string File, string Message, IReadOnlyDictionary<string, string> Properties)
    {
        public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>A whole `tlsguard scan --format json` report: exit code, files with verdicts, findings.</summary>
    public sealed record CliReport(string Command, int ExitCode, IReadOnlyList<CliFile> Files, IReadOnlyList<CliFinding> Findings)
    {
        /// <summary>`tlsguard scan PATH... --format json [options]` with this checkout's CLI; options may set --fail-on.</summary>
        public static CliReport Scan(IEnumerable<string> paths, params string[] options)
        {
            var arguments = new List<string> { TlsGuardToday.CliAssembly(), "scan" };
            arguments.AddRange(paths);
            arguments.AddRange(new[] { "--format", "json" });
            arguments.AddRange(options);
            var command = "tlsguard " + string.Join(" ", arguments.Skip(1));
            var result = ChildProcess.Run(DotnetLoadHost.Muxer(), arguments, timeout: TimeSpan.FromMinutes(10));
            if (result.ExitCode == 2)
            {
                throw new InvalidOperationException(command + ":\n" + result);
            }

            using var report = JsonDocument.Parse(result.Output);
            var files = report.RootElement.GetProperty("files").EnumerateArray().Select(f => new CliFile(
                f.GetProperty("path").GetString()!,
                f.GetProperty("type").GetString() ?? "",
                f.GetProperty("soname").GetString(),
                f.GetProperty("verdict").GetString()!,
                f.GetProperty("chain").EnumerateArray().Select(c => c.GetString()!).ToList(),
                f.GetProperty("requiredStaticTlsBytes").GetInt64(),
                f.GetProperty("libc").GetString()!)).ToList();
            var findings = report.RootElement.GetProperty("findings").EnumerateArray().Select(f => new CliFinding(
                f.GetProperty("id").GetString()!,
                f.GetProperty("level").GetString()!,
                f.GetProperty("file").GetString()!,
                f.GetProperty("message").GetString()!,
                f.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                    ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())
                    : new Dictionary<string, string>())).ToList();
            return new CliReport(command, result.ExitCode, files, findings);
        }

        public IEnumerable<CliFinding> About(string path) =>
            Findings.Where(f => string.Equals(Path.GetFullPath(f.File), Path.GetFullPath(path), StringComparison.Ordinal));

        /// <summary>The DT_NEEDED names the report says no file was found for (TLS005 <c>needed</c>).</summary>
        public ISet<string> MissingNames =>
            new HashSet<string>(Findings.Where(f => f.Id == "TLS005").Select(f => f.Property("needed")).OfType<string>(), StringComparer.Ordinal);
    }
}
