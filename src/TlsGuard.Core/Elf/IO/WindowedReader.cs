using System;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// Reads a source through one pooled window: sequential walks (relocation tables, hash chains) refill it a window at
    /// a time, so a table of millions of entries costs a few hundred positioned reads and no per-entry allocation.
    /// Every typed read is one bounds check (<see cref="Prepare"/>) and one decode by the file's <see cref="Decoder"/>.
    /// </summary>
    internal sealed class WindowedReader : IDisposable
    {
        private readonly IByteSource source;
        private byte[] own;
        private byte[] window;
        private long windowStart;
        private int windowLength;
        private ImageRegion? region;

        public WindowedReader(IByteSource source, int windowSize, ElfDecoder decoder)
        {
            this.source = source;
            own = BufferPool.Rent(windowSize);
            window = own;
            Decoder = decoder;
            Length = source.Length;
        }

        public ElfDecoder Decoder { get; }

        public long Length { get; }

        /// <summary>
        /// The buffer <see cref="Prepare"/> indexes into: the reader's own window or the file's shared region; valid until
        /// the next read, so it is read after the call that returned the index.
        /// </summary>
        public byte[] Window => window;

        /// <summary>The most one read through the reader's own window can hold: the bound of every request.</summary>
        public int Capacity => own.Length;

        /// <summary>Serves reads inside <paramref name="shared"/> from it from now on, without reading the file.</summary>
        public void Attach(ImageRegion shared) => region = shared;

        /// <summary>Makes [offset, offset+count) available in <see cref="Window"/> and returns its index there.</summary>
        public int Prepare(long offset, int count)
        {
            if (offset < 0 || count < 0 || count > own.Length || offset > Length - count)
            {
                throw ReadFailure.PastEnd(offset);
            }

            long relative = offset - windowStart;
            if (relative >= 0 && relative + count <= windowLength)
            {
                return (int)relative;
            }

            if (UseRegion(offset, count))
            {
                return (int)(offset - windowStart);
            }

            Fill(offset, (int)Math.Min(own.Length, Length - offset), count);
            return 0;
        }

        /// <summary>
        /// For walks that consume a run of entries per call: the index of <paramref name="offset"/> in <see cref="Window"/>
        /// and, in <paramref name="available"/>, how many bytes from there (at least <paramref name="minimum"/>, at most
        /// <paramref name="wanted"/>) can be used. What the window already holds is used before it is refilled, so a walk
        /// that stops part-way through a window resumes there instead of reading a whole window again per stop.
        /// </summary>
        public int PrepareRun(long offset, int minimum, int wanted, out int available)
        {
            long relative = offset - windowStart;
            if (relative >= 0 && relative + minimum <= windowLength && offset <= Length - minimum)
            {
                available = (int)Math.Min(wanted, windowLength - relative);
                return (int)relative;
            }

            available = wanted;
            return Prepare(offset, wanted);
        }

        /// <summary>
        /// Makes a run of whole entries of <paramref name="entrySize"/> bytes at <paramref name="offset"/> available, at
        /// least one and at most <paramref name="maxCount"/>, and returns the index of the first in <see cref="Window"/>.
        /// A walk that stops inside the window (a found entry) goes on with what the window already holds, and a new
        /// window is read only when not even one entry is left in it, and then only as far as the run goes.
        /// </summary>
        public int PrepareEntries(long offset, int entrySize, long maxCount, out int count)
        {
            if (entrySize <= 0 || maxCount <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxCount));
            }

            long relative = offset - windowStart;
            long held = relative >= 0 && relative < windowLength ? (windowLength - relative) / entrySize : 0;
            if (held > 0)
            {
                // Inside the current window (the reader's own or the shared region), which lies inside the file.
                count = (int)Math.Min(held, maxCount);
                return (int)relative;
            }

            if (UseRegion(offset, entrySize))
            {
                count = (int)Math.Min((windowLength - (offset - windowStart)) / entrySize, maxCount);
                return (int)(offset - windowStart);
            }

            // Only the run is read, not a whole window past its end: most tables are far smaller than the window.
            count = (int)Math.Min(own.Length / entrySize, maxCount);
            Load(offset, count * entrySize);
            return 0;
        }

        /// <summary>
        /// Reads exactly [offset, offset+count) into the window, for a table read whole (its entries are then visited in any
        /// order without another read); nothing past it is read.
        /// </summary>
        public void Load(long offset, int count)
        {
            if (offset < 0 || count < 0 || count > own.Length || offset > Length - count)
            {
                throw ReadFailure.PastEnd(offset);
            }

            if (!UseRegion(offset, count))
            {
                Fill(offset, count, count);
            }
        }

        /// <summary>Makes the shared region the window when it holds [offset, offset+count).</summary>
        private bool UseRegion(long offset, int count)
        {
            if (region == null || !region.Holds(offset, count))
            {
                return false;
            }

            window = region.Bytes;
            windowStart = region.Start;
            windowLength = region.Length;
            return true;
        }

        /// <summary>
        /// <see cref="Prepare"/>, then the buffer the index is into: the window may change with the read, so it is taken
        /// after (an argument list evaluated left to right takes it in the right order).
        /// </summary>
        private byte[] Bytes(long offset, int count, out int at)
        {
            at = Prepare(offset, count);
            return window;
        }

        private void Fill(long offset, int want, int count)
        {
            window = own;
            int got = source.Read(offset, window, 0, want);
            windowStart = offset;
            windowLength = got;
            if (got < count)
            {
                throw ReadFailure.Truncated(offset);
            }
        }

        public byte U8(long offset) => Bytes(offset, 1, out int at)[at];

        public ushort U16(long offset) => Decoder.U16(Bytes(offset, 2, out int at), at);

        public uint U32(long offset) => Decoder.U32(Bytes(offset, 4, out int at), at);

        public ulong U64(long offset) => Decoder.U64(Bytes(offset, 8, out int at), at);

        /// <summary>An address-sized field: 8 bytes in ELF64, 4 in ELF32.</summary>
        public ulong Word(long offset) => Decoder.Word(Bytes(offset, Decoder.WordSize, out int at), at);

        public ProgramHeader ProgramHeaderAt(long offset) => Decoder.ProgramHeader(Bytes(offset, Decoder.ProgramHeaderSize, out int at), at);

        public SectionHeader SectionHeaderAt(long offset) => Decoder.SectionHeader(Bytes(offset, Decoder.SectionHeaderSize, out int at), at);

        public Symbol SymbolAt(long offset) => Decoder.Symbol(Bytes(offset, Decoder.SymbolSize, out int at), at);

        public DynamicEntry DynamicEntryAt(long offset) => Decoder.DynamicEntry(Bytes(offset, Decoder.DynamicEntrySize, out int at), at);

        public VersionNeed VersionNeedAt(long offset) => Decoder.VersionNeed(Bytes(offset, ElfDecoder.VersionNeedSize, out int at), at);

        public VersionNeedAux VersionNeedAuxAt(long offset) => Decoder.VersionNeedAux(Bytes(offset, ElfDecoder.VersionNeedAuxSize, out int at), at);

        public VersionDefinition VersionDefinitionAt(long offset) => Decoder.VersionDefinition(Bytes(offset, ElfDecoder.VersionDefinitionSize, out int at), at);

        public VersionDefinitionAux VersionDefinitionAuxAt(long offset) => Decoder.VersionDefinitionAux(Bytes(offset, ElfDecoder.VersionDefinitionAuxSize, out int at), at);

        /// <summary>
        /// The position of the first NUL in [offset, limit), or -1 when there is none. The part of the search the window
        /// already holds is searched in place: names are short, and refilling the window for a name's longest allowed
        /// length would reread it for nearly every name.
        /// </summary>
        public long FindTerminator(long offset, long limit)
        {
            limit = Math.Min(limit, Length);
            long position = offset;
            while (position < limit)
            {
                int chunk = (int)Math.Min(own.Length, limit - position);
                int index = PrepareRun(position, 1, chunk, out int available);
                int end = Array.IndexOf(window, (byte)0, index, available);
                if (end >= 0)
                {
                    return position + (end - index);
                }

                position += available;
            }

            return -1;
        }

        /// <summary>Copies [offset, offset+count) into <paramref name="target"/>, a window at a time.</summary>
        public void CopyTo(long offset, int count, byte[] target)
        {
            int copied = 0;
            while (copied < count)
            {
                int chunk = Math.Min(own.Length, count - copied);
                int index = Prepare(offset + copied, chunk);
                Buffer.BlockCopy(window, index, target, copied, chunk);
                copied += chunk;
            }
        }

        public void Dispose()
        {
            BufferPool.Return(own);
            own = Array.Empty<byte>();
            window = own;
            region = null;
            windowLength = 0;
        }
    }
}
