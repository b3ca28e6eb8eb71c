namespace TlsGuard.Oracles.Tests.SystemLibraries
{
    /// <summary>
    /// The ELF files and ar archives in this machine's library folders, found at test time (so the set is whatever
    /// Debian installed: the C library, compilers' runtimes, the arm64 cross libraries the test dependencies bring).
    /// Each real file is listed once however many links name it.
    /// </summary>
    public static class SystemLibraryFiles
    {
        public static readonly string[] Folders =
        {
            "/usr/lib/x86_64-linux-gnu",
            "/lib/x86_64-linux-gnu",
            "/usr/lib64",
            "/usr/aarch64-linux-gnu/lib",
            "/usr/lib/aarch64-linux-gnu",
            "/usr/lib/musl/lib",
            "/usr/lib/x86_64-linux-musl",
            "/usr/share/dotnet/shared",
        };

        public static List<string> Enumerate()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var files = new List<string>();
            foreach (string folder in Folders.Where(Directory.Exists))
            {
                foreach (string path in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
                    .OrderBy(p => p, StringComparer.Ordinal))
                {
                    string real = RealPath(path);
                    if (seen.Add(real) && StartsLikeElfOrArchive(real))
                    {
                        files.Add(real);
                    }
                }
            }

            return files;
        }

        private static string RealPath(string path)
        {
            string directory = Path.GetDirectoryName(path)!;
            FileSystemInfo? target = new DirectoryInfo(directory).ResolveLinkTarget(true);
            return Path.Combine(target?.FullName ?? directory, Path.GetFileName(path));
        }

        private static bool StartsLikeElfOrArchive(string path)
        {
            try
            {
                using FileStream stream = File.OpenRead(path);
                var magic = new byte[8];
                int got = stream.Read(magic, 0, 8);
                return (got >= 4 && magic[0] == 0x7f && magic[1] == (byte)'E' && magic[2] == (byte)'L' && magic[3] == (byte)'F')
                    || (got == 8 && System.Text.Encoding.ASCII.GetString(magic) == "!<arch>\n");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
