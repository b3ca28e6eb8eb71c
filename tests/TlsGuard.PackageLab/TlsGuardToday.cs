using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using TlsGuard.Tests.Shared;

namespace TlsGuard.PackageLab
{
    /// <summary>One finding of a TlsGuard run: code, level, file and message.</summary>
    public sealed record TlsGuardFinding(string Id, string Level, string File, string Message);

    /// <summary>What TlsGuard reported for one scenario (CLI scan of a folder, or the package in a build).</summary>
    public sealed record TlsGuardRun(string Scenario, string Command, int ExitCode, int FilesChecked, IReadOnlyList<TlsGuardFinding> Findings)
    {
        public IReadOnlyDictionary<string, int> CountsById => Findings.GroupBy(f => f.Id).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Runs the TlsGuard of this checkout as a user would: the built CLI, and the packed package in a consumer build.</summary>
    public static class TlsGuardToday
    {
        private static readonly Regex WarningLine = new Regex(@"^(?<file>.*?)(\(\d+(,\d+)?\))?\s*:\s*(?<level>warning|error|message)\s+(?<id>TLS\d{3})\s*:\s*(?<message>.*?)(\s+\[[^\]]*\])?$", RegexOptions.Multiline);

        /// <summary>tlsguard.dll of this checkout's Release build (the solution build makes it).</summary>
        public static string CliAssembly()
        {
            var path = RepositoryRoot.Combine("src", "TlsGuard.Cli", "bin", BuildConfiguration.Name, "net10.0", "tlsguard.dll");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException("build src/TlsGuard.Cli first: " + path + " is missing");
            }

            return path;
        }

        /// <summary>`tlsguard scan FOLDER --format json [options]`.</summary>
        public static TlsGuardRun Scan(string scenario, string folder, params string[] options)
        {
            var arguments = new[] { CliAssembly(), "scan", folder, "--format", "json", "--fail-on", "never" }.Concat(options).ToList();
            var result = ChildProcess.Run(DotnetLoadHost.Muxer(), arguments, timeout: TimeSpan.FromMinutes(10));
            if (result.ExitCode == 2)
            {
                throw new InvalidOperationException("tlsguard " + string.Join(" ", arguments) + ":\n" + result);
            }

            using var report = JsonDocument.Parse(result.Output);
            var findings = report.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => new TlsGuardFinding(f.GetProperty("id").GetString()!, f.GetProperty("level").GetString()!, f.GetProperty("file").GetString()!, f.GetProperty("message").GetString()!))
                .ToList();
            return new TlsGuardRun(scenario, "tlsguard scan " + string.Join(" ", arguments.Skip(2)), result.ExitCode,
                report.RootElement.GetProperty("files").GetArrayLength(), findings);
        }

        /// <summary>
        /// Packs this checkout's TlsGuard package into <paramref name="feed"/> under a fresh version (so no NuGet cache can
        /// serve a stale copy); <paramref name="noBuild"/> when the package project is already built (test projects
        /// reference it), else pack builds it.
        /// </summary>
        public static TlsGuardReference Pack(string feed, bool noBuild = false)
        {
            var version = "0.1.0-lab." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            var arguments = new List<string>
            {
                "pack", RepositoryRoot.Combine("nuget", "TlsGuard.Package.csproj"), "-c", BuildConfiguration.Name,
                "-o", feed, "-p:PackageVersion=" + version, "-nologo",
            };
            if (noBuild)
            {
                arguments.Add("--no-build");
            }

            var result = ChildProcess.Run(DotnetLoadHost.Muxer(), arguments, timeout: TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("packing TlsGuard failed:\n" + result);
            }

            return new TlsGuardReference(feed, version);
        }

        /// <summary>The TLS diagnostics a build logged, each once (builds run with -clp:NoSummary so none is repeated).</summary>
        public static TlsGuardRun FromBuild(string scenario, DotnetRun build)
        {
            var findings = WarningLine.Matches(build.Output)
                .Select(m => new TlsGuardFinding(m.Groups["id"].Value, m.Groups["level"].Value, m.Groups["file"].Value.Trim(), m.Groups["message"].Value))
                .Distinct()
                .ToList();
            return new TlsGuardRun(scenario, build.Command, build.ExitCode, -1, findings);
        }
    }
}
