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
        private byte[] window;
        private long windowStart;
        private int windowLength;

        public WindowedReader(IByteSource source, int windowSize, ElfDecoder decoder)
        {
            this.source = source;
            window = BufferPool.Rent(windowSize);
            Decoder = decoder;
            Length = source.Length;
        }

        public ElfDecoder Decoder { get; }

        public long Length { get; }

        /// <summary>The buffer <see cref="Prepare"/> indexes into; valid until the next read.</summary>
        public byte[] Window => window;

        /// <summary>Makes [offset, offset+count) available in <see cref="Window"/> and returns its index there.</summary>
        public int Prepare(long offset, int count)
        {
            if (offset < 0 || count < 0 || count > window.Length || offset > Length - count)
            {
                throw ReadFailure.PastEnd(offset);
            }

            long relative = offset - windowStart;
            if (relative >= 0 && relative + count <= windowLength)
            {
                return (int)relative;
            }

            Fill(offset, (int)Math.Min(window.Length, Length - offset), count);
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
                count = (int)Math.Min(held, maxCount);
                return Prepare(offset, count * entrySize);
            }

            // Only the run is read, not a whole window past its end: most tables are far smaller than the window.
            count = (int)Math.Min(window.Length / entrySize, maxCount);
            Load(offset, count * entrySize);
            return 0;
        }

        /// <summary>
        /// Reads exactly [offset, offset+count) into the window, for a table read whole (its entries are then visited in any
        /// order without another read); nothing past it is read.
        /// </summary>
        public void Load(long offset, int count)
        {
            if (offset < 0 || count < 0 || count > window.Length || offset > Length - count)
            {
                throw ReadFailure.PastEnd(offset);
            }

            Fill(offset, count, count);
        }

        private void Fill(long offset, int want, int count)
        {
            int got = source.Read(offset, window, 0, want);
            windowStart = offset;
            windowLength = got;
            if (got < count)
            {
                throw ReadFailure.Truncated(offset);
            }
        }

        public byte U8(long offset) => window[Prepare(offset, 1)];

        public ushort U16(long offset) => Decoder.U16(window, Prepare(offset, 2));

        public uint U32(long offset) => Decoder.U32(window, Prepare(offset, 4));

        public ulong U64(long offset) => Decoder.U64(window, Prepare(offset, 8));

        /// <summary>An address-sized field: 8 bytes in ELF64, 4 in ELF32.</summary>
        public ulong Word(long offset) => Decoder.Word(window, Prepare(offset, Decoder.WordSize));

        public ProgramHeader ProgramHeaderAt(long offset) => Decoder.ProgramHeader(window, Prepare(offset, Decoder.ProgramHeaderSize));

        public SectionHeader SectionHeaderAt(long offset) => Decoder.SectionHeader(window, Prepare(offset, Decoder.SectionHeaderSize));

        public Symbol SymbolAt(long offset) => Decoder.Symbol(window, Prepare(offset, Decoder.SymbolSize));

        public DynamicEntry DynamicEntryAt(long offset) => Decoder.DynamicEntry(window, Prepare(offset, Decoder.DynamicEntrySize));

        public VersionNeed VersionNeedAt(long offset) => Decoder.VersionNeed(window, Prepare(offset, ElfDecoder.VersionNeedSize));

        public VersionNeedAux VersionNeedAuxAt(long offset) => Decoder.VersionNeedAux(window, Prepare(offset, ElfDecoder.VersionNeedAuxSize));

        public VersionDefinition VersionDefinitionAt(long offset) => Decoder.VersionDefinition(window, Prepare(offset, ElfDecoder.VersionDefinitionSize));

        public VersionDefinitionAux VersionDefinitionAuxAt(long offset) => Decoder.VersionDefinitionAux(window, Prepare(offset, ElfDecoder.VersionDefinitionAuxSize));

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
                int chunk = (int)Math.Min(window.Length, limit - position);
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
                int chunk = Math.Min(window.Length, count - copied);
                int index = Prepare(offset + copied, chunk);
                Buffer.BlockCopy(window, index, target, copied, chunk);
                copied += chunk;
            }
        }

        public void Dispose()
        {
            BufferPool.Return(window);
            window = Array.Empty<byte>();
            windowLength = 0;
        }
    }
}
