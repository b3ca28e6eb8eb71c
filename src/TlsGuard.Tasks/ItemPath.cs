using System;
using System.Collections.Generic;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Relative paths as item metadata spells them (Link, TargetPath, PackagePath, DestinationSubPath), in one form:
    /// forward slashes, no empty or "." segments. Packages write "runtimes\linux-musl-x64/native/..." (LLamaSharp's
    /// props) or "runtimes//linux-arm64/..." (an empty property in a Link); both must still name their RID.
    /// </summary>
    internal static class ItemPath
    {
        public static string Normalize(string path)
        {
            return string.Join("/", Segments(path));
        }

        public static IReadOnlyList<string> Segments(string path)
        {
            var segments = new List<string>();
            foreach (var segment in path.Split('/', '\\'))
            {
                if (segment.Length > 0 && segment != ".")
                {
                    segments.Add(segment);
                }
            }

            return segments;
        }

        /// <summary>The RID of the first "runtimes/&lt;rid&gt;/..." in the path (at least one segment must follow the RID).</summary>
        public static string? RuntimeIdentifier(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return null;
            }

            var segments = Segments(path!);
            for (var i = 0; i + 2 < segments.Count; i++)
            {
                if (string.Equals(segments[i], "runtimes", StringComparison.OrdinalIgnoreCase))
                {
                    return segments[i + 1];
                }
            }

            return null;
        }
    }
}
