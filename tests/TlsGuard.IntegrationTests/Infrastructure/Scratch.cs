using System;
using System.IO;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>A temporary folder outside the repository, so the repository's Directory.Build.props never applies.</summary>
    public sealed class Scratch : IDisposable
    {
        public Scratch(string name)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tlsguard-it", name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Write(string relativePath, string content)
        {
            var path = Combine(relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        public string Copy(string source, string relativePath)
        {
            var path = Combine(relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.Copy(source, path, overwrite: true);
            return path;
        }

        public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Leftovers in /tmp are harmless.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }
}
