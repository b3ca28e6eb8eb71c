using System.Diagnostics;

namespace TlsGuard.Core.Tests.Support
{
    /// <summary>A scratch folder under the system temp path, removed (with its FIFOs and links) when disposed.</summary>
    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tlsguard-core-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

        public string Write(string relativePath, byte[] content)
        {
            string full = Combine(relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
            return full;
        }

        public string MakeFifo(string relativePath)
        {
            string full = Combine(relativePath);
            using Process process = Process.Start("mkfifo", new[] { full });
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return full;
        }

        public void Dispose()
        {
            foreach (string folder in Directory.GetDirectories(Path, "*", SearchOption.AllDirectories))
            {
                try
                {
                    File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
                catch (IOException)
                {
                    // A dangling link or a folder already gone: nothing to restore.
                }
            }

            Directory.Delete(Path, recursive: true);
        }
    }
}
