namespace TlsGuard.Fuzz.Tests.Hostile
{
    /// <summary>Runs the committed generator (tests/fixtures/hostile/make_hostile.py) once into a temporary folder.</summary>
    public sealed class HostileFiles : IDisposable
    {
        private readonly TempDirectory temp = new();

        public HostileFiles()
        {
            string script = System.IO.Path.Combine(RepositoryRoot.Fixtures, "hostile", "make_hostile.py");
            CommandResult run = ChildProcess.Run("python3", new[] { script, temp.Path });
            Assert.True(run.ExitCode == 0, "make_hostile.py failed: " + run.Error);
        }

        public string Path(string name) => temp.Combine(name);

        public void Dispose() => temp.Dispose();
    }
}
