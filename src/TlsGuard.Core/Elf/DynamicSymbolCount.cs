using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// The number of dynamic symbols when section headers are gone: DT_HASH stores it as nchain, DT_GNU_HASH only
    /// implies it (the highest bucket's chain, walked to the entry with the end bit).
    /// </summary>
    internal static class DynamicSymbolCount
    {
        public static ulong FromGnuHash(WindowedReader reader, long offset)
        {
            uint bucketCount = reader.U32(offset);
            uint symbolOffset = reader.U32(offset + 4);
            uint bloomWords = reader.U32(offset + 8);
            ulong bloomBytes = Bounds.Product(bloomWords, (ulong)reader.Decoder.WordSize, reader.Length, "GNU hash bloom filter");
            ulong bucketBytes = Bounds.Product(bucketCount, 4, reader.Length, "GNU hash buckets");
            long buckets = Bounds.Range((ulong)offset + 16 + bloomBytes, bucketBytes, reader.Length, "GNU hash buckets");
            long chains = buckets + (long)bucketBytes;

            uint highest = 0;
            for (uint b = 0; b < bucketCount; b++)
            {
                uint start = reader.U32(buckets + 4L * b);
                if (start > highest)
                {
                    highest = start;
                }
            }

            if (highest == 0)
            {
                return symbolOffset;
            }

            if (highest < symbolOffset)
            {
                throw new ElfFormatException("GNU hash bucket points below the first hashed symbol");
            }

            // The walk ends at the end bit or, for a corrupt table, at the end of the file: it cannot loop.
            ulong index = highest;
            while ((reader.U32(chains + 4L * (long)(index - symbolOffset)) & 1) == 0)
            {
                index++;
            }

            return index + 1;
        }

        /// <summary>nchain. s390x and Alpha use 8-byte hash words in ELF64 (as readelf knows).</summary>
        public static ulong FromSysvHash(WindowedReader reader, long offset, ushort machine)
        {
            bool wide = reader.Decoder.Class == ElfClass.Elf64 && (machine == (ushort)ElfMachine.S390 || machine == 0x9026);
            return wide ? reader.U64(offset + 8) : reader.U32(offset + 4);
        }
    }
}
