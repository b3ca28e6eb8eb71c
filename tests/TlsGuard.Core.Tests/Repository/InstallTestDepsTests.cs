namespace TlsGuard.Core.Tests.Repository
{
    /// <summary>
    /// scripts/install-test-deps.sh against stand-ins for dpkg-query and apt-get on PATH: an index that cannot be
    /// fetched (apt-get update exits 100) must not stop the install; a failed install must.
    /// </summary>
    public sealed class InstallTestDepsTests : IDisposable
    {
        private readonly TempDirectory temp = new();

        public void Dispose() => temp.Dispose();

        [Fact]
        public void An_unreachable_index_does_not_abort_when_the_packages_still_install()
        {
            CommandResult run = Run(installExitCode: 0);

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Contains("could not refresh every package index", run.Error);
            string installed = File.ReadAllText(temp.Combine("apt-get.log"));
            Assert.Contains("update -qq", installed);
            Assert.Contains("install -y -qq --no-install-recommends libjemalloc2", installed);
        }

        [Fact]
        public void A_failed_install_fails_the_script()
        {
            CommandResult run = Run(installExitCode: 100);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("could not install: libjemalloc2", run.Error);
        }

        private CommandResult Run(int installExitCode)
        {
            string bin = temp.Combine("bin");
            Directory.CreateDirectory(bin);
            WriteScript(Path.Combine(bin, "dpkg-query"), "exit 1");
            WriteScript(
                Path.Combine(bin, "apt-get"),
                "echo \"$*\" >> \"" + temp.Combine("apt-get.log") + "\"\n"
                + "if [ \"$1\" = update ]; then echo 'E: Failed to fetch http://unreachable.invalid/dists/InRelease' >&2; exit 100; fi\n"
                + "exit " + installExitCode);
            string path = bin + ":" + Environment.GetEnvironmentVariable("PATH");
            return ChildProcess.Run(
                "bash",
                new[] { RepositoryRoot.Combine("scripts", "install-test-deps.sh") },
                environment: new Dictionary<string, string?> { ["PATH"] = path });
        }

        private static void WriteScript(string path, string body)
        {
            File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
