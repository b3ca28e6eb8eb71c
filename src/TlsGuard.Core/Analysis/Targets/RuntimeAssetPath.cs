using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The RID a NuGet asset path carries ("runtimes/linux-musl-x64/native/libfoo.so"): the task reads it from item paths,
    /// the CLI from the folders it walks, so both judge a file under runtimes/&lt;rid&gt;/ for that RID's loader.
    /// Either separator and empty segments are accepted: packages write "runtimes\linux-musl-x64/native/" (LLamaSharp's
    /// props) and "runtimes//linux-arm64/" (an empty property in a Link).
    /// </summary>
    public static class RuntimeAssetPath
    {
        /// <summary>The RID after the last "runtimes" segment of the path that is followed by a RID and at least one more segment.</summary>
        public static string? RuntimeIdentifier(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return null;
            }

            var segments = Segments(path!);
            for (var i = segments.Count - 3; i >= 0; i--)
            {
                if (string.Equals(segments[i], "runtimes", StringComparison.OrdinalIgnoreCase))
                {
                    return segments[i + 1];
                }
            }

            return null;
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
    }
}
