namespace TlsGuard.Core.Tests.Support
{
    internal static class Fifo
    {
        /// <summary>Makes a named pipe: a file that blocks whoever opens it for reading until a writer comes.</summary>
        public static string MakeFifo(this TempDirectory temp, string relativePath)
        {
            string path = temp.Combine(relativePath);
            CommandResult mkfifo = ChildProcess.Run("mkfifo", new[] { path });
            Assert.Equal(0, mkfifo.ExitCode);
            return path;
        }
    }
}
