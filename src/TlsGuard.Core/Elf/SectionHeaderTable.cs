using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// The section header table, read entry by entry on demand: a file may claim millions of sections (the count in
    /// section 0's sh_size when e_shnum is 0), and only the few the scan needs are ever decoded.
    /// </summary>
    internal sealed class SectionHeaderTable
    {
        public static readonly SectionHeaderTable Empty = new SectionHeaderTable(null, 0, 0);

        private readonly WindowedReader? reader;
        private readonly long start;

        private SectionHeaderTable(WindowedReader? reader, long start, ulong count)
        {
            this.reader = reader;
            this.start = start;
            Count = count;
        }

        /// <summary>Already bounded by the file: Count * entry size fits in it.</summary>
        public ulong Count { get; }

        public static SectionHeaderTable Read(WindowedReader reader, ElfHeader header)
        {
            if (header.SectionHeaderOffset == 0)
            {
                return Empty;
            }

            int entrySize = reader.Decoder.SectionHeaderSize;
            if (header.SectionHeaderEntrySize != entrySize)
            {
                throw new ElfFormatException("section header entry size " + header.SectionHeaderEntrySize + ", expected " + entrySize);
            }

            long start = Bounds.Range(header.SectionHeaderOffset, (ulong)entrySize, reader.Length, "section header table");
            ulong count = header.SectionHeaderCount;
            if (count == 0)
            {
                count = reader.SectionHeaderAt(start).Size;
            }

            ulong bytes = Bounds.Product(count, (ulong)entrySize, reader.Length, "section header table");
            Bounds.Range((ulong)start, bytes, reader.Length, "section header table");
            return new SectionHeaderTable(reader, start, count);
        }

        public SectionHeader this[ulong index]
        {
            get
            {
                if (index >= Count || reader == null)
                {
                    throw new ElfFormatException("section index " + index + " is out of range");
                }

                return reader.SectionHeaderAt(start + (long)index * reader.Decoder.SectionHeaderSize);
            }
        }
    }
}
