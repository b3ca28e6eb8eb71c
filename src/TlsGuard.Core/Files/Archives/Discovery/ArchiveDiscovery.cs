using System.Collections.Generic;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>What <see cref="ArchiveInputs.Discover"/> found in one archive or image.</summary>
    public sealed class ArchiveDiscovery
    {
        public ArchiveDiscovery(string archivePath, ArchiveKind kind, IReadOnlyList<LibraryInput> inputs, IReadOnlyList<ArchiveProblem> problems, ImageFacts? image, bool unreadable)
        {
            ArchivePath = archivePath;
            Unreadable = unreadable;
            Kind = kind;
            Inputs = inputs;
            Problems = problems;
            Image = image;
        }

        /// <summary>The archive as named ("app.nupkg", "/dev/stdin"); its root is <see cref="Archives.ArchivePath.Root"/> of it.</summary>
        public string ArchivePath { get; }

        public ArchiveKind Kind { get; }

        /// <summary>
        /// Every ELF file and ar archive of the view, once per file (hard links count once), in a stable order; then every
        /// member that could not be read, and the archive itself when it has whole-archive problems: scanning those
        /// reports their error (TLS004), so nothing is dropped silently.
        /// </summary>
        public IReadOnlyList<LibraryInput> Inputs { get; }

        /// <summary>The same unreadable members and whole-archive problems, with their messages.</summary>
        public IReadOnlyList<ArchiveProblem> Problems { get; }

        /// <summary>True when nothing at all could be read (not an archive, an empty stream, no zip directory): see <see cref="Problems"/>.</summary>
        public bool Unreadable { get; }

        /// <summary>For an image, or a tar holding a root file system (a libc or a musl loader): its C library facts.</summary>
        public ImageFacts? Image { get; }
    }
}
