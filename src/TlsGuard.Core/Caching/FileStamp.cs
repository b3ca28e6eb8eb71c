using System;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// What identifies one version of a file for the cache: its length and last write time (UTC ticks), and on Linux
    /// its device, inode and status-change time (statx): a file replaced by another of the same size and time stamp,
    /// or one whose modification time was set back (tar, touch -r), still gets a new stamp. Where the platform gives
    /// no identity (macOS, Windows) the last three are 0 and length and time alone decide.
    /// </summary>
    public readonly struct FileStamp : IEquatable<FileStamp>
    {
        public FileStamp(long length, long lastWriteTimeUtcTicks)
            : this(length, lastWriteTimeUtcTicks, default)
        {
        }

        public FileStamp(long length, long lastWriteTimeUtcTicks, FileIdentity identity)
        {
            Length = length;
            LastWriteTimeUtcTicks = lastWriteTimeUtcTicks;
            Identity = identity;
        }

        public long Length { get; }
        public long LastWriteTimeUtcTicks { get; }
        public FileIdentity Identity { get; }

        /// <summary>The stamp of an existing regular file on the disk (after following links), or null when it is anything else.</summary>
        public static FileStamp? Of(string path)
        {
            FileStatus status = DiskFileSystem.Instance.Status(path);
            return status.Kind == FileKind.RegularFile ? new FileStamp(status.Length, status.LastWriteTimeUtcTicks, status.Identity) : (FileStamp?)null;
        }

        public bool Equals(FileStamp other) =>
            Length == other.Length && LastWriteTimeUtcTicks == other.LastWriteTimeUtcTicks && Identity.Equals(other.Identity);

        public override bool Equals(object? obj) => obj is FileStamp other && Equals(other);

        public override int GetHashCode() => unchecked((Length.GetHashCode() * 397) ^ LastWriteTimeUtcTicks.GetHashCode() ^ Identity.GetHashCode());
    }
}
