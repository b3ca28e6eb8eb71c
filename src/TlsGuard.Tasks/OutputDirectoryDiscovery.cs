using System;
using System.Collections.Generic;
using System.IO;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Finds shared objects that appeared in the output directory without MSBuild knowing them (a CMake or Exec step
    /// wrote them), leaving out the files the build itself copied there, which were checked at their source.
    /// </summary>
    internal static class OutputDirectoryDiscovery
    {
        /// <summary>Full paths of *.so / *.so.N files under <paramref name="outputDirectory"/> not named in <paramref name="knownRelativePaths"/>.</summary>
        public static IReadOnlyList<string> Find(string outputDirectory, IEnumerable<string> knownRelativePaths)
        {
            var found = new List<string>();
            var root = Path.GetFullPath(outputDirectory);
            if (!Directory.Exists(root))
            {
                return found;
            }

            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var relative in knownRelativePaths)
            {
                known.Add(Normalize(Path.GetFullPath(Path.Combine(root, relative))));
            }

            foreach (var file in Directory.EnumerateFiles(root, "*.so*", SearchOption.AllDirectories))
            {
                if (!SharedObjectName.IsMatch(Path.GetFileName(file)) || known.Contains(Normalize(file)) || IsSymbolicLink(file))
                {
                    continue;
                }

                found.Add(file);
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }

        /// <summary>The output-relative path with forward slashes, as messages and SARIF show it.</summary>
        public static string RelativePath(string outputDirectory, string file)
        {
            var root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return (file.StartsWith(root, StringComparison.Ordinal) ? file.Substring(root.Length) : Path.GetFileName(file)).Replace('\\', '/');
        }

        /// <summary>Native builds leave libfoo.so -> libfoo.so.1 -> libfoo.so.1.2 chains; the real file is checked once.</summary>
        private static bool IsSymbolicLink(string file)
        {
            try
            {
                return (File.GetAttributes(file) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static string Normalize(string path) => path.Replace('\\', '/');
    }
}
