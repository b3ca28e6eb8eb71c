using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>
    /// The documented CI recipe, for real: `dotnet pack` the CLI to a folder feed, `dotnet tool install --tool-path`
    /// from it with an isolated NuGet config and packages folder, then run the installed `tlsguard` to a SARIF file.
    /// </summary>
    public sealed class ToolPackageTests
    {
        [Fact]
        public void PackedToolInstallsAndScans()
        {
            using var temp = new TempDirectory();
            var feed = temp.Combine("feed");
            var tools = temp.Combine("tools");
            var config = temp.Combine("nuget.config");
            File.WriteAllText(config,
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
                "    <add key=\"local\" value=\"" + feed + "\" />\n  </packageSources>\n</configuration>\n");
            var environment = new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = temp.Combine("packages"),
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            };

            // --no-build: the test run already built the CLI in this configuration; rebuilding would race other test projects.
            var pack = ChildProcess.Run("dotnet", new[] { "pack", Repo.CliProject, "-c", BuildConfiguration.Name, "--no-build", "-o", feed, "-nologo" }, temp.Path, environment);
            Assert.True(pack.ExitCode == 0, pack.Output + pack.Error);
            var package = Assert.Single(Directory.GetFiles(feed, "TlsGuard.Tool.*.nupkg"));
            Assert.Equal("TlsGuard.Tool." + ToolInfo.Version + ".nupkg", Path.GetFileName(package));

            var install = ChildProcess.Run("dotnet", new[] { "tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", feed, "TlsGuard.Tool" }, temp.Path, environment);
            Assert.True(install.ExitCode == 0, install.Output + install.Error);

            var tlsguard = Path.Combine(tools, "tlsguard");
            var version = ChildProcess.Run(tlsguard, new[] { "--version" }, temp.Path, environment);
            Assert.True(version.ExitCode == 0, version.Output + version.Error);
            Assert.StartsWith(ToolInfo.Version, version.Output.Trim());

            var sarif = temp.Combine("tlsguard.sarif");
            var scan = ChildProcess.Run(tlsguard, new[] { "scan", Repo.Jemalloc, "--format", "sarif", "--output", sarif }, temp.Path, environment);
            Assert.True(scan.ExitCode == 1, scan.Output + scan.Error);
            var (valid, details) = SarifSchemaValidator.Validate(File.ReadAllText(sarif));
            Assert.True(valid, details);
            var results = JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("runs")[0].GetProperty("results");
            Assert.Contains(results.EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "TLS001");

            var explain = ChildProcess.Run(tlsguard, new[] { "explain", "TLS001" }, temp.Path, environment);
            Assert.True(explain.ExitCode == 0, explain.Output + explain.Error);
            Assert.Contains(File.ReadAllLines(RepositoryRoot.Combine("docs", "rules", "TLS001.md")).First(l => l.Length > 0), explain.Output);
        }
    }
}
