using System.Collections.Generic;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files
{
    /// <summary>
    /// Where analysis reads libraries and looks for their dependencies: the machine's own disk, or the inside of an archive
    /// or container image, whose paths are written "outer.tar!/usr/lib/libx.so". Every file the core opens goes through
    /// one of these, so the rules for hostile paths (special files, link loops, sizes) live in one place per kind.
    /// </summary>
    public interface IFileSystem
    {
        /// <summary>What the path names after following symbolic links; never throws.</summary>
        FileKind KindOf(string path);

        /// <summary>
        /// The kind after following links, whether the path itself is a link (folder walks do not descend into linked
        /// folders), the size, times and identity, and the reason when the path cannot be used; never throws, never opens.
        /// </summary>
        FileStatus Status(string path);

        /// <summary>The full paths of a folder's entries in ordinal order, with the reason when it cannot be listed.</summary>
        IReadOnlyList<string> List(string folder, out string? error);

        /// <summary>Opens a regular file for positioned reads, or returns null with the reason (never blocks on special files).</summary>
        IByteSource? OpenRead(string path, out string? error);
    }
}
