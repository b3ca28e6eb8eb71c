using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using static TlsGuard.Tasks.Tests.TaskRunner;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>
    /// The MSBuild task and the tlsguard command line are two faces of one pipeline: the same libraries, baseline,
    /// suppression, severity and fail-on must give the same SARIF results, byte for byte.
    /// </summary>
    public class FaceParityTests
    {
        private static readonly string[] FixtureNames =
        {
            "libie_own.so", "libie_ext.so", "libdef.so", "libneeds_ie.so", "libgd.so", "libtlsobjs.a",
        };

        [Fact]
        public void The_task_and_the_cli_report_the_same_sarif_results_for_the_same_input_and_settings()
        {
            using var temp = new TempDirectory("parity");
            var files = FixtureNames.Select(name => Copy(temp, name)).ToList();
            files.Add(temp.Write("libs/libbroken.so", new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0 }));
            files.Add(temp.Write("libs/libtruncated.so", new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }));
            var baseline = Baseline(temp, files[0]);

            var taskSarif = temp.Combine("task.sarif");
            var task = Run(
                t =>
                {
                    t.SarifFile = taskSarif;
                    t.RepositoryRoot = temp.Path;
                    t.BaselineFile = baseline;
                    t.ReportStaleBaselineEntries = true;
                    t.SuppressLibraries = "libbroken.so";
                    t.Severity = "error";
                    t.FailOn = "at-risk";
                },
                files.Select(file => Item(file)).ToArray());

            var cliSarif = temp.Combine("cli.sarif");
            var cli = Cli(temp.Path, new[] { "scan" }.Concat(files).Concat(new[]
            {
                "--format", "sarif", "--output", cliSarif, "--source-root", temp.Path, "--baseline", baseline,
                "--suppress", "libbroken.so", "--severity", "error", "--fail-on", "at-risk",
            }).ToArray());

            Assert.False(task.Succeeded);
            Assert.True(cli.ExitCode == 1, cli.ToString());
            var fromTask = Results(taskSarif);
            var fromCli = Results(cliSarif);
            Assert.True(fromTask.Length > 3, "too few results to compare: " + string.Join("\n", fromTask));
            Assert.Contains(fromTask, result => result.Contains("\"baselineState\":\"unchanged\"", StringComparison.Ordinal));
            Assert.Contains(fromTask, result => result.Contains("\"ruleId\":\"TLS008\"", StringComparison.Ordinal));
            Assert.DoesNotContain(fromTask, result => result.Contains("libbroken.so", StringComparison.Ordinal));
            Assert.Contains(fromTask, result => result.Contains("libtruncated.so", StringComparison.Ordinal));
            Assert.Equal(fromCli, fromTask);
        }

        private static string Copy(TempDirectory temp, string fixture)
        {
            var target = temp.Combine("libs", fixture);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepositoryRoot.Fixture("x86_64-gcc", fixture), target);
            return target;
        }

        /// <summary>A baseline accepting today's findings for one library, plus one entry that matches nothing.</summary>
        private static string Baseline(TempDirectory temp, string library)
        {
            var path = temp.Combine("baseline.json");
            var made = Cli(temp.Path, "baseline", library, "--output", path);
            Assert.True(made.ExitCode == 0, made.ToString());
            var root = JsonNode.Parse(File.ReadAllText(path))!;
            root["entries"]!.AsArray().Add(new JsonObject { ["id"] = "TLS001", ["fingerprint"] = "TLS001|libgone.so|glibc-2.32+|R_X86_64_TPOFF64|64", ["file"] = "libgone.so" });
            File.WriteAllText(path, root.ToJsonString());
            return path;
        }

        /// <summary>Each SARIF result as canonical JSON text (what both faces must agree on; the run's invocation may differ).</summary>
        private static string[] Results(string sarif)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(sarif));
            return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(result => JsonSerializer.Serialize(result))
                .ToArray();
        }

        private static CommandResult Cli(string workingDirectory, params string[] arguments)
        {
            var tool = RepositoryRoot.Combine("src", "TlsGuard.Cli", "bin", BuildConfiguration.Name, "net10.0", "tlsguard.dll");
            var muxer = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
            return ChildProcess.Run(muxer, new[] { tool }.Concat(arguments), workingDirectory);
        }
    }
}
