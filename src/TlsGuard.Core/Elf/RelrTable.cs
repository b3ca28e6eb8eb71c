using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// DT_RELR: packed relative relocations (an address word, then bitmap words with the low bit set). They never name
    /// a symbol, so they never carry TLS; decoding them checks the table and counts what the loader will apply.
    /// </summary>
    internal static class RelrTable
    {
        public static long CountRelocations(WindowedReader reader, long offset, long size, bool is64)
        {
            int word = is64 ? 8 : 4;
            if (size % word != 0)
            {
                throw new ElfFormatException("DT_RELRSZ " + size + " is not a multiple of the word size");
            }

            long count = 0;
            bool sawAddress = false;
            for (long p = offset; p < offset + size; p += word)
            {
                ulong entry = reader.Word(p, is64);
                if ((entry & 1) == 0)
                {
                    sawAddress = true;
                    count++;
                }
                else if (!sawAddress)
                {
                    throw new ElfFormatException("DT_RELR starts with a bitmap instead of an address");
                }
                else
                {
                    count += PopCount(entry >> 1);
                }
            }

            return count;
        }

        private static int PopCount(ulong v)
        {
            v -= (v >> 1) & 0x5555555555555555UL;
            v = (v & 0x3333333333333333UL) + ((v >> 2) & 0x3333333333333333UL);
            v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0fUL;
            return (int)((v * 0x0101010101010101UL) >> 56);
        }
    }
}
