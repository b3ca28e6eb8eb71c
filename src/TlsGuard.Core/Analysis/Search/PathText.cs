using System;
using System.IO;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Path helpers that never throw on odd input (bad characters, over-long names).</summary>
    internal static class PathText
    {
        public static string FullPath(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is System.Security.SecurityException)
            {
                return path;
            }
        }

        public static string Folder(string path)
        {
            return Path.GetDirectoryName(FullPath(path)) ?? "";
        }

        public static string FileName(string path)
        {
            var trimmed = path.TrimEnd('/', '\\');
            var slash = Math.Max(trimmed.LastIndexOf('/'), trimmed.LastIndexOf('\\'));
            return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
        }
    }
}
