using System.Collections.Generic;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Reads the program header table named by e_phoff/e_phnum.</summary>
    internal static class ProgramHeaderTableReader
    {
        public static IReadOnlyList<ProgramHeader> Read(WindowedReader reader, ElfHeader header)
        {
            int count = header.ProgramHeaderCount;
            if (count == 0)
            {
                return new ProgramHeader[0];
            }

            bool is64 = header.Is64;
            int entrySize = is64 ? 56 : 32;
            if (header.ProgramHeaderEntrySize != entrySize)
            {
                throw new ElfFormatException("program header entry size " + header.ProgramHeaderEntrySize + ", expected " + entrySize);
            }

            long start = Bounds.Range(header.ProgramHeaderOffset, (ulong)count * (ulong)entrySize, reader.Length, "program header table");
            var result = new ProgramHeader[count];
            byte[] w = reader.Window;
            bool be = reader.BigEndian;
            for (int n = 0; n < count; n++)
            {
                int i = reader.Prepare(start + (long)n * entrySize, entrySize);
                result[n] = is64
                    ? new ProgramHeader
                    {
                        Type = (ProgramHeaderType)ByteOrder.U32(w, i, be),
                        Flags = ByteOrder.U32(w, i + 4, be),
                        Offset = ByteOrder.U64(w, i + 8, be),
                        VirtualAddress = ByteOrder.U64(w, i + 16, be),
                        PhysicalAddress = ByteOrder.U64(w, i + 24, be),
                        FileSize = ByteOrder.U64(w, i + 32, be),
                        MemorySize = ByteOrder.U64(w, i + 40, be),
                        Align = ByteOrder.U64(w, i + 48, be),
                    }
                    : new ProgramHeader
                    {
                        Type = (ProgramHeaderType)ByteOrder.U32(w, i, be),
                        Offset = ByteOrder.U32(w, i + 4, be),
                        VirtualAddress = ByteOrder.U32(w, i + 8, be),
                        PhysicalAddress = ByteOrder.U32(w, i + 12, be),
                        FileSize = ByteOrder.U32(w, i + 16, be),
                        MemorySize = ByteOrder.U32(w, i + 20, be),
                        Flags = ByteOrder.U32(w, i + 24, be),
                        Align = ByteOrder.U32(w, i + 28, be),
                    };
            }

            return result;
        }
    }
}
