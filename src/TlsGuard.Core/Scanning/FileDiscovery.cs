using System;
using System.Collections.Generic;
using System.IO;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Expands the paths a user names into the files to scan, in a stable order. A file named directly is always
    /// returned, ELF or not, so a bogus "lib.so" gets reported rather than ignored. A folder is searched recursively
    /// for files that start with the ELF magic or "!&lt;arch&gt;\n", each folder's entries in ordinal order, files
    /// before subfolders. Symbolic links to files count as files; symbolic links to folders are not followed below a
    /// named folder, so link loops cannot trap the walk. Folders that cannot be listed are skipped.
    /// </summary>
    public static class FileDiscovery
    {
        /// <summary>Paths that do not exist are returned as they are, so that scanning them reports "file not found".</summary>
        public static IEnumerable<string> Enumerate(IEnumerable<string> paths) => Enumerate(paths, null);

        /// <summary>
        /// Paths that do not exist go to <paramref name="onMissing"/> instead of the result, for callers that treat
        /// them as a usage error; with a null callback they are returned as they are.
        /// </summary>
        public static IEnumerable<string> Enumerate(IEnumerable<string> paths, Action<string>? onMissing)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string path in paths)
            {
                if (Directory.Exists(path))
                {
                    foreach (string file in Walk(path))
                    {
                        if (seen.Add(FullPath(file)))
                        {
                            yield return file;
                        }
                    }
                }
                else if (!File.Exists(path) && onMissing != null)
                {
                    onMissing(path);
                }
                else if (seen.Add(FullPath(path)))
                {
                    yield return path;
                }
            }
        }

        private static IEnumerable<string> Walk(string root)
        {
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string folder = pending.Pop();
                string[] files = List(() => Directory.GetFiles(folder));
                string[] folders = List(() => Directory.GetDirectories(folder));
                Array.Sort(files, StringComparer.Ordinal);
                Array.Sort(folders, StringComparer.Ordinal);
                foreach (string file in files)
                {
                    if (ElfScanner.LooksLikeElfOrArchive(file))
                    {
                        yield return file;
                    }
                }

                for (int i = folders.Length - 1; i >= 0; i--)
                {
                    if (!IsSymbolicLink(folders[i]))
                    {
                        pending.Push(folders[i]);
                    }
                }
            }
        }

        private static string[] List(Func<string[]> list)
        {
            try
            {
                return list();
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException)
            {
                return new string[0];
            }
        }

        private static bool IsSymbolicLink(string folder)
        {
            try
            {
                return (File.GetAttributes(folder) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException)
            {
                return true;
            }
        }

        private static string FullPath(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path;
            }
        }
    }
}
