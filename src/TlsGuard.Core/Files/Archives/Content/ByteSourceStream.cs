using System;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>A forward-only stream over a region of a byte source: the input of an inflater or a tar reader.</summary>
    internal sealed class ByteSourceStream : ForwardStream
    {
        private readonly IByteSource source;
        private readonly long start;
        private readonly long length;
        private long position;

        public ByteSourceStream(IByteSource source, long start, long length)
        {
            this.source = source;
            this.start = start;
            this.length = length;
        }

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            long left = length - position;
            if (left <= 0 || count <= 0)
            {
                return 0;
            }

            int read = source.Read(start + position, buffer, offset, (int)Math.Min(count, left));
            if (read <= 0)
            {
                throw new ArchiveFormatException("the archive ends early: " + (length - position) + " bytes of member data are missing");
            }

            position += read;
            return read;
        }
    }
}
