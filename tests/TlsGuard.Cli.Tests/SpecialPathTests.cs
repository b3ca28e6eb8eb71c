using System.IO;
using System.Linq;

namespace TlsGuard.Cli.Tests
{
    /// <summary>Issue 12 and issue 10 item 9 through the CLI: special files never hang a scan, and foreign libraries in folders are not findings.</summary>
    public class SpecialPathTests
    {
        [Fact]
        public void A_symbolic_link_to_a_fifo_is_reported_and_the_scan_ends()
        {
            using var temp = new TempDirectory();
            var fifo = temp.Combine("pipe");
            Assert.Equal(0, ChildProcess.Run("mkfifo", new[] { fifo }).ExitCode);
            var link = temp.Combine("libfifo.so");
            File.CreateSymbolicLink(link, fifo);

            var named = CliRun.Of("scan", link, "--fail-on", "any");
            var walked = CliRun.Of("scan", temp.Path, "--fail-on", "any");

            Assert.True(named.ExitCode == 1, named.ToString());
            Assert.Contains("TLS004", named.Output);
            Assert.Contains("not a regular file: a FIFO (named pipe) (through a symbolic link)", named.Output);
            Assert.True(walked.ExitCode == 1, walked.ToString());
            Assert.Contains("not a regular file: a FIFO (named pipe)", walked.Output);
        }

        [Fact]
        public void A_library_below_a_path_longer_than_path_max_is_reported_not_dropped()
        {
            using var temp = new TempDirectory();
            string segment = new string('d', 200);
            string script = "set -e; mkdir deep; cd deep; for i in $(seq 22); do mkdir " + segment + "; cd " + segment + "; done; cp \"$1\" libdeep.so";
            Assert.Equal(0, ChildProcess.Run("bash", new[] { "-c", script, "bash", RepositoryRoot.Fixture("x86_64-gcc", "libgd.so") }, workingDirectory: temp.Path).ExitCode);
            try
            {
                var run = CliRun.Of("scan", temp.Path, "--format", "json");

                Assert.True(run.ExitCode == 0, run.ToString());
                var files = System.Text.Json.JsonDocument.Parse(run.Output).RootElement.GetProperty("files").EnumerateArray().ToList();
                var error = Assert.Single(files).GetProperty("error").GetString();
                Assert.StartsWith("path too long (", error);
            }
            finally
            {
                ChildProcess.Run("rm", new[] { "-rf", temp.Combine("deep") });
            }
        }

        [Fact]
        public void A_folder_of_windows_import_libraries_and_ios_static_libraries_passes_fail_on_any()
        {
            using var temp = new TempDirectory();
            foreach (var name in new[] { "foreign_import.lib", "foreign_static.lib", "libforeign_ios.a" })
            {
                temp.Copy(Path.Combine(RepositoryRoot.Fixtures, "foreign", name), "runtimes/native/" + name);
            }

            var run = CliRun.Of("scan", temp.Path, "--fail-on", "any");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("TLS004", run.Output);
        }
    }
}
