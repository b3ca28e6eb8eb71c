namespace TlsGuard.Cli.Tests
{
    /// <summary>Issue 12: a folder or an unwritable path given as the report or the baseline is a usage error that says so.</summary>
    public class OutputPathTests
    {
        private static string Fixture => RepositoryRoot.Fixture("x86_64-gcc", "libgd.so");

        [Fact]
        public void A_folder_as_the_sarif_output_is_named_as_a_folder()
        {
            using var temp = new TempDirectory();

            var run = CliRun.Of("scan", Fixture, "--format", "sarif", "--output", temp.Path);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("cannot write " + temp.Path + ": it is a folder; give the path of the file to write", run.Error);
        }

        [Fact]
        public void An_unwritable_output_says_permission_denied()
        {
            // /sys refuses new files even to root, which the tests run as.
            var run = CliRun.Of("scan", Fixture, "--format", "sarif", "--output", "/sys/tlsguard-test.sarif");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("cannot write /sys/tlsguard-test.sarif: permission denied", run.Error);
        }

        [Fact]
        public void A_folder_as_the_baseline_is_named_as_a_folder()
        {
            using var temp = new TempDirectory();

            var run = CliRun.Of("scan", Fixture, "--baseline", temp.Path);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains(temp.Path + ": not a TlsGuard baseline: it is a folder; give the baseline file (tlsguard baseline writes one)", run.Error);
        }
    }
}
