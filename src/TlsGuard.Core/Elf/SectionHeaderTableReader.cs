using System.Collections.Generic;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Reads the section header table, including the extended count kept in section 0 when e_shnum is 0.</summary>
    internal static class SectionHeaderTableReader
    {
        public static bool IsPresent(ElfHeader header) => header.SectionHeaderOffset != 0;

        public static IReadOnlyList<SectionHeader> Read(WindowedReader reader, ElfHeader header)
        {
            if (!IsPresent(header))
            {
                return new SectionHeader[0];
            }

            bool is64 = header.Is64;
            int entrySize = is64 ? 64 : 40;
            if (header.SectionHeaderEntrySize != entrySize)
            {
                throw new ElfFormatException("section header entry size " + header.SectionHeaderEntrySize + ", expected " + entrySize);
            }

            long start = Bounds.Range(header.SectionHeaderOffset, (ulong)entrySize, reader.Length, "section header table");
            ulong count = header.SectionHeaderCount;
            if (count == 0)
            {
                count = ReadOne(reader, start, is64).Size;
            }

            ulong bytes = Bounds.Product(count, (ulong)entrySize, reader.Length, "section header table");
            Bounds.Range((ulong)start, bytes, reader.Length, "section header table");
            var result = new SectionHeader[count];
            for (ulong n = 0; n < count; n++)
            {
                result[n] = ReadOne(reader, start + (long)n * entrySize, is64);
            }

            return result;
        }

        private static SectionHeader ReadOne(WindowedReader reader, long offset, bool is64)
        {
            byte[] w = reader.Window;
            bool be = reader.BigEndian;
            if (is64)
            {
                int i = reader.Prepare(offset, 64);
                return new SectionHeader
                {
                    NameOffset = ByteOrder.U32(w, i, be),
                    Type = (SectionType)ByteOrder.U32(w, i + 4, be),
                    Flags = ByteOrder.U64(w, i + 8, be),
                    Address = ByteOrder.U64(w, i + 16, be),
                    Offset = ByteOrder.U64(w, i + 24, be),
                    Size = ByteOrder.U64(w, i + 32, be),
                    Link = ByteOrder.U32(w, i + 40, be),
                    Info = ByteOrder.U32(w, i + 44, be),
                    AddressAlign = ByteOrder.U64(w, i + 48, be),
                    EntrySize = ByteOrder.U64(w, i + 56, be),
                };
            }

            int j = reader.Prepare(offset, 40);
            return new SectionHeader
            {
                NameOffset = ByteOrder.U32(w, j, be),
                Type = (SectionType)ByteOrder.U32(w, j + 4, be),
                Flags = ByteOrder.U32(w, j + 8, be),
                Address = ByteOrder.U32(w, j + 12, be),
                Offset = ByteOrder.U32(w, j + 16, be),
                Size = ByteOrder.U32(w, j + 20, be),
                Link = ByteOrder.U32(w, j + 24, be),
                Info = ByteOrder.U32(w, j + 28, be),
                AddressAlign = ByteOrder.U32(w, j + 32, be),
                EntrySize = ByteOrder.U32(w, j + 36, be),
            };
        }
    }
}
