using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;

namespace TlsGuard.Tests.Shared
{
    /// <summary>
    /// A fresh folder under the system temp path, outside the repository (so the repository's Directory.Build.props
    /// never applies to projects built in it), removed when disposed.
    /// </summary>
    internal sealed class TempDirectory : IDisposable
    {
        /// <param name="label">Names the folder (tlsguard-LABEL-GUID) so a leftover says which tests made it.</param>
        public TempDirectory(string label = "tests")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tlsguard-" + label + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Combine(params string[] relativePath) => System.IO.Path.Combine(new[] { Path }.Concat(relativePath).ToArray());

        /// <summary>Writes a text file (empty by default), creating its folders, and returns its full path.</summary>
        public string Write(string relativePath, string content = "")
        {
            var path = PrepareFile(relativePath);
            File.WriteAllText(path, content);
            return path;
        }

        public string Write(string relativePath, byte[] content)
        {
            var path = PrepareFile(relativePath);
            File.WriteAllBytes(path, content);
            return path;
        }

        /// <summary>Copies <paramref name="source"/> in, by default under its own file name, and returns the copy's full path.</summary>
        public string Copy(string source, string? relativePath = null)
        {
            var path = PrepareFile(relativePath ?? System.IO.Path.GetFileName(source));
            File.Copy(source, path, overwrite: true);
            return path;
        }

        public void Dispose()
        {
            try
            {
                if (!OperatingSystem.IsWindows())
                {
                    UnlockFolders();
                }

                Directory.Delete(Path, recursive: true);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                // A child process may still hold a file briefly; a leftover in the temp folder is harmless.
            }
        }

        private string PrepareFile(string relativePath)
        {
            var path = Combine(relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            return path;
        }

        /// <summary>Tests lock folders (mode 000) and plant link loops: restore real folders only, never walk through a link.</summary>
        [UnsupportedOSPlatform("windows")]
        private void UnlockFolders()
        {
            var pending = new Stack<DirectoryInfo>();
            pending.Push(new DirectoryInfo(Path));
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                foreach (var child in folder.EnumerateDirectories())
                {
                    if (child.LinkTarget == null)
                    {
                        pending.Push(child);
                    }
                }
            }
        }
    }
}
