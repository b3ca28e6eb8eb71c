using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// One question an analysis asked the file system and the answer it got, as text. A stored analysis is reused only
    /// when every question it asked gets the same answer again: contents are bound to the file's status (size,
    /// modification and change time, device and inode), so a rebuilt, replaced or newly created file, a missing one
    /// that appeared, or a folder that gained an entry makes the answers differ and the analysis run again.
    /// </summary>
    public sealed record FileProbe(ProbeKind Kind, string Path, string Answer)
    {
        /// <summary>The answer <paramref name="fileSystem"/> gives now.</summary>
        public static string Ask(IFileSystem fileSystem, ProbeKind kind, string path)
        {
            if (kind == ProbeKind.Listing)
            {
                return ListingAnswer(fileSystem.List(path, out var error), error);
            }

            var status = fileSystem.Status(path);
            return kind == ProbeKind.Kind ? KindAnswer(status.Kind) : StatusAnswer(status);
        }

        public static string KindAnswer(FileKind kind) => ((int)kind).ToString(CultureInfo.InvariantCulture);

        public static string StatusAnswer(FileStatus status) => string.Join(
            "|",
            KindAnswer(status.Kind),
            status.IsSymbolicLink ? "link" : "",
            status.Length.ToString(CultureInfo.InvariantCulture),
            status.LastWriteTimeUtcTicks.ToString(CultureInfo.InvariantCulture),
            status.Identity.Device.ToString(CultureInfo.InvariantCulture),
            status.Identity.Inode.ToString(CultureInfo.InvariantCulture),
            status.Identity.ChangeTimeUtcTicks.ToString(CultureInfo.InvariantCulture),
            status.Error ?? "");

        public static string ListingAnswer(IReadOnlyList<string> entries, string? error)
        {
            var text = new StringBuilder(error ?? "");
            foreach (var entry in entries)
            {
                text.Append('\n').Append(entry);
            }

            return text.ToString();
        }
    }
}
