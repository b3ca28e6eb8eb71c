using System.IO;

namespace TlsGuard.Cli
{
    /// <summary>The folder SARIF URIs are relative to: --source-root, else the git checkout around the working directory, else the working directory.</summary>
    internal static class SourceRoot
    {
        public static string Resolve(string? explicitRoot, string workingDirectory)
        {
            if (!string.IsNullOrEmpty(explicitRoot))
            {
                if (!Directory.Exists(explicitRoot))
                {
                    throw new UsageException("--source-root " + explicitRoot + ": no such directory");
                }

                return Path.GetFullPath(explicitRoot);
            }

            for (var directory = new DirectoryInfo(workingDirectory); directory != null; directory = directory.Parent)
            {
                var git = Path.Combine(directory.FullName, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    return directory.FullName;
                }
            }

            return workingDirectory;
        }
    }
}
