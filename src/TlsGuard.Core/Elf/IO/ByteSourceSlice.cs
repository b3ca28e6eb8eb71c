using System;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>A window of another source: an archive member seen as a file of its own.</summary>
    internal sealed class ByteSourceSlice : IByteSource
    {
        private readonly IByteSource inner;
        private readonly long start;

        public ByteSourceSlice(IByteSource inner, long start, long length)
        {
            if (start < 0 || length < 0 || start > inner.Length || length > inner.Length - start)
            {
                throw new ElfFormatException("archive member extends past the end of the file");
            }

            this.inner = inner;
            this.start = start;
            Length = length;
        }

        public long Length { get; }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || position >= Length)
            {
                return 0;
            }

            return inner.Read(start + position, buffer, offset, (int)Math.Min(count, Length - position));
        }

        /// <summary>The slice does not own the source it views.</summary>
        public void Dispose()
        {
        }
    }
}
