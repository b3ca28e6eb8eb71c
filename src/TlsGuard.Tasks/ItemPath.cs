using System.Collections.Generic;
using TlsGuard.Core.Analysis;

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

        public static IReadOnlyList<string> Segments(string path) => RuntimeAssetPath.Segments(path);

        /// <summary>The RID of "runtimes/&lt;rid&gt;/..." in the path (at least one segment must follow the RID).</summary>
        public static string? RuntimeIdentifier(string? path) => RuntimeAssetPath.RuntimeIdentifier(path);
    }
}
