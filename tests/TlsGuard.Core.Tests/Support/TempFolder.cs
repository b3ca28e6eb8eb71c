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
            // Tests lock folders (mode 000) and plant link loops: restore real folders only, never walk through a link.
            var pending = new Stack<DirectoryInfo>();
            pending.Push(new DirectoryInfo(Path));
            while (pending.Count > 0)
            {
                DirectoryInfo folder = pending.Pop();
                File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                foreach (DirectoryInfo child in folder.EnumerateDirectories())
                {
                    if (child.LinkTarget == null)
                    {
                        pending.Push(child);
                    }
                }
            }

            Directory.Delete(Path, recursive: true);
        }
    }
}
