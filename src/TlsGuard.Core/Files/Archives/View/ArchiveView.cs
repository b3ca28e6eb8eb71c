using System.Collections.Generic;

namespace TlsGuard.Core.Files.Archives.View
{
    /// <summary>
    /// The file-system view of one archive or image: a tree of names with symbolic links resolved inside it (absolute
    /// targets start at its root, ".." at the root stays there, so nothing resolves outside), plus the problems met while
    /// reading it that do not belong to any one file.
    /// </summary>
    internal sealed class ArchiveView
    {
        public ArchiveView(ArchiveKind kind, DirectoryNode root, IReadOnlyList<string> problems)
        {
            Kind = kind;
            Root = root;
            Problems = problems;
        }

        public ArchiveKind Kind { get; }

        public DirectoryNode Root { get; }

        /// <summary>Whole-archive problems ("layer 2: gzip data is corrupt"); files the problem hid are not in the view.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>Resolves <paramref name="inner"/> in this view; see <see cref="ViewResolver.Resolve"/>.</summary>
        public ViewLookup Resolve(string inner, bool followLast, int maxHops) => ViewResolver.Resolve(Root, inner, followLast, maxHops);
    }
}
