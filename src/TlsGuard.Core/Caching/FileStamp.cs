using System;
using System.IO;

namespace TlsGuard.Core.Caching
{
    /// <summary>What identifies one version of a file for the cache: its length and last write time (UTC ticks).</summary>
    public readonly struct FileStamp : IEquatable<FileStamp>
    {
        public FileStamp(long length, long lastWriteTimeUtcTicks)
        {
            Length = length;
            LastWriteTimeUtcTicks = lastWriteTimeUtcTicks;
        }

        public long Length { get; }
        public long LastWriteTimeUtcTicks { get; }

        /// <summary>The stamp of an existing regular file, or null when it is missing or cannot be inspected.</summary>
        public static FileStamp? Of(string path)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return null;
                }

                return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is ArgumentException || exception is NotSupportedException)
            {
                return null;
            }
        }

        public bool Equals(FileStamp other) => Length == other.Length && LastWriteTimeUtcTicks == other.LastWriteTimeUtcTicks;

        public override bool Equals(object? obj) => obj is FileStamp other && Equals(other);

        public override int GetHashCode() => unchecked((Length.GetHashCode() * 397) ^ LastWriteTimeUtcTicks.GetHashCode());
    }
}
