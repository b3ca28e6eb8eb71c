using System.IO;

namespace TlsGuard.Cli.Tests
{
    /// <summary>Exit code 2: the command line or the file system is wrong, not the libraries.</summary>
    public sealed class UsageErrorTests
    {
        private static readonly string IeOwn = RepositoryRoot.Fixture("x86_64-gcc/libie_own.so");

        [Theory]
        [InlineData("scan")]
        [InlineData("scan", "@@FIXTURE", "--format", "xml")]
        [InlineData("scan", "@@FIXTURE", "--fail-on", "sometimes")]
        [InlineData("scan", "@@FIXTURE", "--libc", "uclibc")]
        [InlineData("scan", "@@FIXTURE", "--optional-static-tls", "-1")]
        [InlineData("scan", "@@FIXTURE", "--optional-static-tls", "lots")]
        [InlineData("scan", "@@FIXTURE", "--frobnicate")]
        [InlineData("explain")]
        [InlineData("frobnicate")]
        [InlineData()]
        public void BadCommandLinesExitTwo(params string[] args)
        {
            var run = CliRun.Of(System.Array.ConvertAll(args, a => a == "@@FIXTURE" ? IeOwn : a));

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.StartsWith("tlsguard: ", run.Error);
        }

        [Fact]
        public void MissingPathExitsTwo()
        {
            var missing = Path.Combine(Path.GetTempPath(), "tlsguard-no-such-dir", "libx.so");

            var run = CliRun.Of("scan", IeOwn, missing);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("no such file or directory: " + missing, run.Error);
            Assert.Equal("", run.Output);
        }

        [Fact]
        public void MissingSearchFolderExitsTwo()
        {
            var run = CliRun.Of("scan", IeOwn, "--search", "/nonexistent/tlsguard");

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("--search", run.Error);
        }

        [Fact]
        public void UnwritableOutputExitsTwo()
        {
            using var temp = new TempDirectory();
            var blocker = temp.Combine("a-file");
            File.WriteAllText(blocker, "");

            var run = CliRun.Of("scan", IeOwn, "--format", "json", "--output", Path.Combine(blocker, "report.json"));

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("cannot write", run.Error);
        }

        [Fact]
        public void MalformedOrMissingBaselineExitsTwo()
        {
            using var temp = new TempDirectory();
            var malformed = temp.Combine("baseline.json");
            File.WriteAllText(malformed, "{\"version\": 7}");

            var bad = CliRun.Of("scan", IeOwn, "--baseline", malformed);
            var missing = CliRun.Of("scan", IeOwn, "--baseline", temp.Combine("none.json"));

            Assert.True(bad.ExitCode == 2, bad.ToString());
            Assert.Contains("not a TlsGuard baseline", bad.Error);
            Assert.True(missing.ExitCode == 2, missing.ToString());
        }
    }
}
