using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>The built tlsguard.dll as a separate process: real stdout/stderr separation and exit codes.</summary>
    public sealed class ChildProcessTests
    {
        private static CommandResult Tlsguard(params string[] args) =>
            ChildProcess.Run("dotnet", new[] { Repo.CliAssembly }.Concat(args), environment: new System.Collections.Generic.Dictionary<string, string?> { ["NO_COLOR"] = null });

        [Fact]
        public void JsonGoesToStdoutAndTheStatusToStderr()
        {
            var (exitCode, output, error) = Tlsguard("scan", RepositoryRoot.Fixture("x86_64-gcc/libie_own.so"), "--format", "json");

            Assert.True(exitCode == 1, output + error);
            Assert.Equal("fails", JsonDocument.Parse(output).RootElement.GetProperty("files")[0].GetProperty("verdict").GetString());
            Assert.StartsWith("tlsguard: failed: 1 finding at --fail-on fails", error);
        }

        [Fact]
        public void RedirectedTextOutputHasNoColourAndPassesForGeneralDynamicLibraries()
        {
            var (exitCode, output, error) = Tlsguard("scan", RepositoryRoot.Fixture("x86_64-gcc/libgd.so"), RepositoryRoot.Fixture("x86_64-gcc/libld.so"));

            Assert.True(exitCode == 0, output + error);
            Assert.DoesNotContain("\u001b[", output);
            Assert.Contains("2 files: 0 fails, 0 at risk, 0 fits, 2 without static TLS", output);
        }

        [Fact]
        public void MissingPathExitsTwoFromTheRealProcess()
        {
            var (exitCode, output, error) = Tlsguard("scan", Path.Combine(Path.GetTempPath(), "tlsguard-missing.so"));

            Assert.True(exitCode == 2, output + error);
            Assert.Contains("no such file or directory", error);
        }
    }
}
