using System;
using System.IO;
using System.Text;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// Reads a source through one pooled window: sequential walks (relocation tables, hash chains) refill it a window at
    /// a time, so a table of millions of entries costs a few hundred positioned reads and no per-entry allocation.
    /// </summary>
    internal sealed class WindowedReader : IDisposable
    {
        private readonly IByteSource source;
        private byte[] window;
        private long windowStart;
        private int windowLength;

        public WindowedReader(IByteSource source, int windowSize, bool bigEndian)
        {
            this.source = source;
            window = BufferPool.Rent(windowSize);
            BigEndian = bigEndian;
        }

        public bool BigEndian { get; set; }

        public long Length => source.Length;

        /// <summary>The buffer <see cref="Prepare"/> indexes into; valid until the next read.</summary>
        public byte[] Window => window;

        /// <summary>Makes [offset, offset+count) available in <see cref="Window"/> and returns its index there.</summary>
        public int Prepare(long offset, int count)
        {
            if (offset < 0 || count < 0 || count > window.Length || offset > Length - count)
            {
                throw new ElfFormatException("read past the end of the file at offset " + offset);
            }

            long relative = offset - windowStart;
            if (relative >= 0 && relative + count <= windowLength)
            {
                return (int)relative;
            }

            int want = (int)Math.Min(window.Length, Length - offset);
            int got = source.Read(offset, window, 0, want);
            windowStart = offset;
            windowLength = got;
            if (got < count)
            {
                throw new EndOfStreamException("the file ended while reading offset " + offset);
            }

            return 0;
        }

        public byte U8(long offset) => window[Prepare(offset, 1)];

        public ushort U16(long offset) => ByteOrder.U16(window, Prepare(offset, 2), BigEndian);

        public uint U32(long offset) => ByteOrder.U32(window, Prepare(offset, 4), BigEndian);

        public ulong U64(long offset) => ByteOrder.U64(window, Prepare(offset, 8), BigEndian);

        public ulong Word(long offset, bool is64) => is64 ? U64(offset) : U32(offset);

        /// <summary>Reads a NUL-terminated string that must end before <paramref name="limit"/>.</summary>
        public string CString(long offset, long limit)
        {
            limit = Math.Min(limit, Length);
            if (offset < 0 || offset >= limit)
            {
                throw new ElfFormatException("string offset " + offset + " lies outside its string table");
            }

            MemoryStream? spill = null;
            long position = offset;
            while (position < limit)
            {
                int chunk = (int)Math.Min(window.Length, limit - position);
                int index = Prepare(position, chunk);
                int end = Array.IndexOf(window, (byte)0, index, chunk);
                if (end >= 0)
                {
                    if (spill == null)
                    {
                        return Encoding.UTF8.GetString(window, index, end - index);
                    }

                    spill.Write(window, index, end - index);
                    return Encoding.UTF8.GetString(spill.GetBuffer(), 0, (int)spill.Length);
                }

                spill ??= new MemoryStream();
                spill.Write(window, index, chunk);
                position += chunk;
            }

            throw new ElfFormatException("unterminated string at offset " + offset);
        }

        public void Dispose()
        {
            BufferPool.Return(window);
            window = Array.Empty<byte>();
            windowLength = 0;
        }
    }
}
