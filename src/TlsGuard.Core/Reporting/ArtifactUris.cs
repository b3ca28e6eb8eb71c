using System;
using System.IO;
using System.Linq;

namespace TlsGuard.Core.Reporting
{
    /// <summary>SARIF artifact locations: repository-relative (uriBaseId %SRCROOT%) when possible, absolute file URIs otherwise.</summary>
    internal static class ArtifactUris
    {
        public const string SourceRootId = "%SRCROOT%";

        /// <summary>The URI and, for files under <paramref name="repositoryRoot"/>, the base id it is relative to.</summary>
        public static (string Uri, string? BaseId) For(string path, string? repositoryRoot)
        {
            var full = Path.GetFullPath(path);
            if (!string.IsNullOrEmpty(repositoryRoot))
            {
                var root = WithTrailingSeparator(Path.GetFullPath(repositoryRoot));
                if (full.StartsWith(root, StringComparison.Ordinal))
                {
                    return (EscapeSegments(full.Substring(root.Length)), SourceRootId);
                }
            }

            return (FileUri(full), null);
        }

        /// <summary>An absolute file URI for a folder, ending in '/' as SARIF requires for base URIs.</summary>
        public static string DirectoryUri(string directory) => FileUri(WithTrailingSeparator(Path.GetFullPath(directory)));

        private static string FileUri(string fullPath)
        {
            var normalized = fullPath.Replace(Path.DirectorySeparatorChar, '/');
            var segments = normalized.Split('/');
            var escaped = segments.Select((segment, index) => IsDriveLetter(segment, index) ? segment : EscapeSegment(segment));
            var path = string.Join("/", escaped);
            return "file://" + (path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path);
        }

        private static string EscapeSegments(string relativePath) =>
            string.Join("/", relativePath.Replace(Path.DirectorySeparatorChar, '/').Split('/').Select(EscapeSegment));

        /// <summary>
        /// Percent-encodes a path segment but keeps '!' (an RFC 3986 sub-delim, legal in a segment), so a file inside an
        /// archive reads "app.nupkg!/runtimes/..." in SARIF as in every other report.
        /// </summary>
        private static string EscapeSegment(string segment) => Uri.EscapeDataString(segment).Replace("%21", "!");

        private static bool IsDriveLetter(string segment, int index) => index == 0 && segment.Length == 2 && segment[1] == ':';

        private static string WithTrailingSeparator(string path) =>
            path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? path : path + Path.DirectorySeparatorChar;
    }
}
