using System.Collections.Generic;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Reads the program header table named by e_phoff/e_phnum (at most 65535 entries).</summary>
    internal static class ProgramHeaderTableReader
    {
        public static IReadOnlyList<ProgramHeader> Read(WindowedReader reader, ElfHeader header)
        {
            int count = header.ProgramHeaderCount;
            if (count == 0)
            {
                return new ProgramHeader[0];
            }

            int entrySize = reader.Decoder.ProgramHeaderSize;
            if (header.ProgramHeaderEntrySize != entrySize)
            {
                throw new ElfFormatException("program header entry size " + header.ProgramHeaderEntrySize + ", expected " + entrySize);
            }

            long start = Bounds.Range(header.ProgramHeaderOffset, (ulong)count * (ulong)entrySize, reader.Length, "program header table");
            var result = new ProgramHeader[count];
            for (int n = 0; n < count; n++)
            {
                result[n] = reader.ProgramHeaderAt(start + (long)n * entrySize);
            }

            return result;
        }
    }
}
