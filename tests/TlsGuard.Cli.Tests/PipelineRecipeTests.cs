using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>
    /// README's pipeline recipe (examples/cli-pipeline.sh) run as written: the installed command is the native
    /// executable, a valid SARIF with the jemalloc-sized finding, a baseline that silences it, and a newly added
    /// offending library that fails the run.
    /// </summary>
    public sealed class PipelineRecipeTests
    {
        [Fact]
        public void The_README_pipeline_recipe_produces_valid_SARIF_and_the_baseline_then_catches_a_new_library()
        {
            _ = Repo.Jemalloc;
            using var temp = new TempDirectory();
            var work = temp.Combine("work");
            // The feed the tool-package tests packed from these sources: the recipe's own pack step is what they test.
            var environment = new Dictionary<string, string?> { ["TLSGUARD_FEED"] = ToolFeed.Directory };

            var (exitCode, output, error) = ChildProcess.Run(
                "bash", new[] { RepositoryRoot.Combine("examples", "cli-pipeline.sh"), work }, RepositoryRoot.Path, environment);

            Assert.True(exitCode == 0, "recipe failed (exit " + exitCode + "):\n" + output + error);
            Assert.Equal(new[] { "(exit 1)", "(exit 0)", "(exit 1)" }, output.Split('\n').Where(line => line.StartsWith("(exit ", System.StringComparison.Ordinal)).ToArray());
            var native = Assert.Single(output.Split('\n'), line => line.StartsWith("native executable: ", System.StringComparison.Ordinal));
            Assert.True(ProgramFile.Read(Path.Combine(RepositoryRoot.Path, native.Substring("native executable: ".Length))).HoldsCompiledManagedCode, native);

            var sarifText = File.ReadAllText(Path.Combine(work, "tlsguard.sarif"));
            var (valid, report) = SarifSchemaValidator.Validate(sarifText);
            Assert.True(valid, report);
            using var sarif = JsonDocument.Parse(sarifText);
            var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
            Assert.Equal("TLS001", result.GetProperty("ruleId").GetString());
            Assert.Contains("2632", result.GetProperty("message").GetProperty("text").GetString());
            Assert.Contains("libie_own.so", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }
    }
}
