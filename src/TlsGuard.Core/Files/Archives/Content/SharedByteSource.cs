using System;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>
    /// An archive file opened once and read by many members at once: each read is positioned and serialised, so slices
    /// handed out to scanners never disturb one another. The file system owns it and closes it when disposed.
    /// </summary>
    internal sealed class SharedByteSource : IByteSource
    {
        private readonly IByteSource inner;
        private readonly object gate = new object();

        public SharedByteSource(IByteSource inner)
        {
            this.inner = inner;
            Length = inner.Length;
        }

        public long Length { get; }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            lock (gate)
            {
                return inner.Read(position, buffer, offset, count);
            }
        }

        public IByteSource Slice(long start, long length)
        {
            if (start < 0 || length < 0 || start > Length || length > Length - start)
            {
                throw new ArchiveFormatException("member data extends past the end of the archive");
            }

            return new ByteSourceSlice(this, start, length);
        }

        public void Dispose() => inner.Dispose();
    }
}
