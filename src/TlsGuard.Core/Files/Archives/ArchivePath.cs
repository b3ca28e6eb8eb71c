using System;
using System.Collections.Generic;
using System.Text;

namespace TlsGuard.Core.Files.Archives
{
    /// <summary>
    /// The "outer!/inner/path" convention: a file inside an archive or image is written as the archive's own path, '!',
    /// then the absolute path inside it ("/abs/app.nupkg!/runtimes/linux-x64/native/libfoo.so"). The archive's root is
    /// "outer!", so Path.Combine(root, "usr", "lib") composes. These helpers are lexical: they split at the first "!/"
    /// (or a trailing '!'); <see cref="ArchiveFileSystem"/> also checks that the part before it is an archive.
    /// </summary>
    public static class ArchivePath
    {
        public const char Separator = '!';

        /// <summary>The root folder of the archive or image at <paramref name="outer"/>: "outer!".</summary>
        public static string Root(string outer) => outer + Separator;

        /// <summary>"outer!/inner" for an inner path written with or without its leading '/'.</summary>
        public static string Combine(string outer, string innerPath) => outer + Separator + NormalizeInner(innerPath);

        /// <summary>True when the path names something inside an archive; the inner part comes back normalised ("/a/b").</summary>
        public static bool TrySplit(string path, out string outer, out string inner)
        {
            int at = SeparatorIndex(path, 0);
            if (at < 0)
            {
                outer = path;
                inner = "/";
                return false;
            }

            outer = path.Substring(0, at);
            inner = NormalizeInner(path.Substring(at + 1));
            return true;
        }

        /// <summary>
        /// Removes "." and ".." from the inner part the way the kernel resolves them at a root: ".." at the archive's root
        /// stays there, so "img.tar!/usr/../../etc" is "img.tar!/etc" and never a path beside the archive. Paths without
        /// the separator come back unchanged (Path.GetFullPath would carry ".." out of "img.tar!", so use this first).
        /// </summary>
        public static string Normalize(string path) =>
            TrySplit(path, out var outer, out var inner) ? outer + Separator + inner : path;

        /// <summary>The index of the first '!' that ends the outer part (followed by '/' or the end), from <paramref name="start"/>; -1 when none.</summary>
        internal static int SeparatorIndex(string path, int start)
        {
            for (int i = path.IndexOf(Separator, start); i >= 0; i = path.IndexOf(Separator, i + 1))
            {
                if (i > 0 && (i == path.Length - 1 || path[i + 1] == '/'))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>"/a/b" with ".", "..", empty components and backslash-free input cleaned; ".." above the root stays at the root.</summary>
        internal static string NormalizeInner(string inner)
        {
            var parts = Components(inner);
            if (parts.Count == 0)
            {
                return "/";
            }

            var text = new StringBuilder(inner.Length + 1);
            foreach (var part in parts)
            {
                text.Append('/').Append(part);
            }

            return text.ToString();
        }

        /// <summary>The components left after dropping "." and empty ones and applying ".." (clamped at the root).</summary>
        internal static List<string> Components(string inner)
        {
            var parts = new List<string>();
            foreach (var part in inner.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    if (parts.Count > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }

                    continue;
                }

                parts.Add(part);
            }

            return parts;
        }
    }
}
