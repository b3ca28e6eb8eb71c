using System;
using System.IO;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// Positioned reads from an open stream, where the file system has no descriptor reads of its own (off Linux, or a
    /// C library without statx); the length is fixed when opened so a growing file cannot stretch the bounds.
    /// </summary>
    internal sealed class FileByteSource : IByteSource
    {
        private readonly FileStream stream;

        /// <summary>Takes ownership of <paramref name="stream"/>, opened with bufferSize 1: the readers keep their own windows.</summary>
        public FileByteSource(FileStream stream)
        {
            this.stream = stream;
            Length = stream.Length;
        }

        public long Length { get; }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (position >= Length)
            {
                return 0;
            }

            count = (int)Math.Min(count, Length - position);
            stream.Position = position;
            return FullReads.ReadFully(stream, buffer, offset, count);
        }

        public void Dispose() => stream.Dispose();
    }
}
