using System.Text;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Fuzz.Crafted
{
    /// <summary>
    /// The crafted files of issue 12 ("small crafted files still take the build down"), generated here instead of
    /// committed: each is a few hundred kilobytes to 4 GiB of mostly repeated structure.
    /// </summary>
    internal static class CraftedShapes
    {
        private const uint PtLoad = 1;
        private const uint PtDynamic = 2;
        private const uint ShtSymtab = 2;
        private const uint ShtStrtab = 3;
        private const uint ShtRela = 4;
        private const byte GlobalTls = (1 << 4) | 6;
        private const uint RX86_64Tpoff64 = 18;
        private const uint RX86_64Tpoff32 = 23;

        public static IReadOnlyList<CraftedShape> All { get; } = new[]
        {
            new CraftedShape(
                "needed-repeated",
                "a 356 KB shared object that repeats one long DT_NEEDED string 16,000 times",
                d => new ArrayByteSource(RepeatedNeeded(16_000 / d, 100_000))),
            new CraftedShape(
                "tpoff-long-symbol-names",
                "a 242 KB object whose thousands of TPOFF relocations each name a 50 KB symbol",
                d => new ArrayByteSource(LongSymbolNames(4_000 / d, 50_000))),
            new CraftedShape(
                "symtab-headers-over-one-table",
                "a 31 KB .o with 100 SHT_SYMTAB headers over one table (100,000 symbols reported)",
                d => new ArrayByteSource(SymbolTableHeaders(Math.Max(2, 100 / d), 1_000)),
                (results, d) => results[0].Error != null || results[0].DefinedTlsSymbols.Count <= 1_000
                    ? null
                    : results[0].DefinedTlsSymbols.Count + " defined TLS symbols reported from one table of 1,000"),
            new CraftedShape(
                "gnu-long-names-without-terminators",
                "a 1.1 MB .a whose members use GNU long names (the // table is scanned per member: quadratic)",
                d => new ArrayByteSource(LongNameArchive(5_000 / d, 800_000 / d))),
            new CraftedShape(
                "rela-headers-over-one-table",
                "a 992 KB .o with 8,000 SHT_RELA headers over one table (160 million relocations reported)",
                d => new ArrayByteSource(RelocationHeaders(Math.Max(2, 8_000 / d), 20_000)),
                (results, d) => results[0].Error != null || results[0].StaticTlsRelocations.Values.Sum() <= 20_000
                    ? null
                    : results[0].StaticTlsRelocations.Values.Sum() + " relocations reported from one table of 20,000"),
            new CraftedShape(
                "bsd-name-length-3e9",
                "a 4 GB sparse .a whose BSD #1/ name length is 3,000,000,000",
                // Sparse, so always full size: a smaller name length would only make the scanner read (and allocate) it.
                _ => BsdNameLength(3_000_000_000L)),
        };

        /// <summary>PT_LOAD over the whole file, PT_DYNAMIC with DT_STRTAB, DT_STRSZ and <paramref name="count"/> DT_NEEDED
        /// entries naming the same <paramref name="nameLength"/>-byte string.</summary>
        public static byte[] RepeatedNeeded(int count, int nameLength)
        {
            long strings = Elf64Writer.HeaderSize + 2 * Elf64Writer.ProgramHeaderSize;
            long stringSize = nameLength + 2;
            long dynamic = Align(strings + stringSize, 8);
            long dynamicSize = (count + 3) * 16L;
            var w = new Elf64Writer((int)(dynamic + dynamicSize));
            w.Header(Elf64Writer.EtDyn, Elf64Writer.HeaderSize, 2, 0, 0);
            w.ProgramHeader(Elf64Writer.HeaderSize, PtLoad, 0, 0, (ulong)w.Data.Length, (ulong)w.Data.Length, 0x1000);
            w.ProgramHeader(Elf64Writer.HeaderSize + Elf64Writer.ProgramHeaderSize, PtDynamic, (ulong)dynamic, (ulong)dynamic, (ulong)dynamicSize, (ulong)dynamicSize, 8);
            w.Bytes(strings + 1, (byte)'n', nameLength);
            w.Dynamic(dynamic, 5, (ulong)strings);
            w.Dynamic(dynamic + 16, 10, (ulong)stringSize);
            for (int i = 0; i < count; i++)
            {
                w.Dynamic(dynamic + 32 + 16L * i, 1, 1);
            }

            return w.Data;
        }

        /// <summary>A shared object whose DT_RELA holds <paramref name="count"/> R_X86_64_TPOFF64 relocations, each against its
        /// own undefined STT_TLS symbol, the names being suffixes of one <paramref name="nameLength"/>-byte string.</summary>
        public static byte[] LongSymbolNames(int count, int nameLength)
        {
            long strings = Elf64Writer.HeaderSize + 2 * Elf64Writer.ProgramHeaderSize;
            long stringSize = nameLength + 2;
            long symbols = Align(strings + stringSize, 8);
            long symbolSize = (count + 1) * 24L;
            long relocations = symbols + symbolSize;
            long relocationSize = count * 24L;
            long dynamic = relocations + relocationSize;
            long dynamicSize = 8 * 16L;
            var w = new Elf64Writer((int)(dynamic + dynamicSize));
            w.Header(Elf64Writer.EtDyn, Elf64Writer.HeaderSize, 2, 0, 0);
            w.ProgramHeader(Elf64Writer.HeaderSize, PtLoad, 0, 0, (ulong)w.Data.Length, (ulong)w.Data.Length, 0x1000);
            w.ProgramHeader(Elf64Writer.HeaderSize + Elf64Writer.ProgramHeaderSize, PtDynamic, (ulong)dynamic, (ulong)dynamic, (ulong)dynamicSize, (ulong)dynamicSize, 8);
            w.Bytes(strings + 1, (byte)'s', nameLength);
            for (int i = 1; i <= count; i++)
            {
                w.Symbol(symbols + 24L * i, (uint)(1 + (i % nameLength)), GlobalTls, 0);
                w.Rela(relocations + 24L * (i - 1), (uint)i, RX86_64Tpoff64);
            }

            long[] tags = { 5, 10, 6, 11, 7, 8, 9 };
            ulong[] values = { (ulong)strings, (ulong)stringSize, (ulong)symbols, 24, (ulong)relocations, (ulong)relocationSize, 24 };
            for (int i = 0; i < tags.Length; i++)
            {
                w.Dynamic(dynamic + 16L * i, tags[i], values[i]);
            }

            return w.Data;
        }

        /// <summary>An object file whose sections [2..] are <paramref name="headers"/> SHT_SYMTAB headers over one table of
        /// <paramref name="symbolCount"/> defined global STT_TLS symbols.</summary>
        public static byte[] SymbolTableHeaders(int headers, int symbolCount)
        {
            long strings = Elf64Writer.HeaderSize;
            var names = new StringBuilder("\0");
            var offsets = new int[symbolCount];
            for (int i = 0; i < symbolCount; i++)
            {
                offsets[i] = names.Length;
                names.Append("tls_").Append(i).Append('\0');
            }

            byte[] nameBytes = Encoding.ASCII.GetBytes(names.ToString());
            long symbols = Align(strings + nameBytes.Length, 8);
            long symbolSize = (symbolCount + 1) * 24L;
            long sections = symbols + symbolSize;
            int sectionCount = 2 + headers;
            var w = new Elf64Writer((int)(sections + sectionCount * Elf64Writer.SectionHeaderSize));
            w.Header(Elf64Writer.EtRel, 0, 0, (ulong)sections, (ushort)sectionCount);
            nameBytes.CopyTo(w.Data, strings);
            for (int i = 0; i < symbolCount; i++)
            {
                w.Symbol(symbols + 24L * (i + 1), (uint)offsets[i], GlobalTls, 1);
            }

            w.SectionHeader(sections + Elf64Writer.SectionHeaderSize, ShtStrtab, (ulong)strings, (ulong)nameBytes.Length, 0, 0, 0);
            for (int i = 2; i < sectionCount; i++)
            {
                w.SectionHeader(sections + (long)i * Elf64Writer.SectionHeaderSize, ShtSymtab, (ulong)symbols, (ulong)symbolSize, 1, 1, 24);
            }

            return w.Data;
        }

        /// <summary>An object file whose sections [3..] are <paramref name="headers"/> SHT_RELA headers over one table of
        /// <paramref name="relocationCount"/> R_X86_64_TPOFF32 (local-exec) relocations against the null symbol.</summary>
        public static byte[] RelocationHeaders(int headers, int relocationCount)
        {
            long strings = Elf64Writer.HeaderSize;
            long symbols = strings + 8;
            long relocations = symbols + 2 * 24;
            long relocationSize = relocationCount * 24L;
            long sections = relocations + relocationSize;
            int sectionCount = 3 + headers;
            var w = new Elf64Writer((int)(sections + sectionCount * Elf64Writer.SectionHeaderSize));
            w.Header(Elf64Writer.EtRel, 0, 0, (ulong)sections, (ushort)sectionCount);
            for (int i = 0; i < relocationCount; i++)
            {
                w.Rela(relocations + 24L * i, 0, RX86_64Tpoff32);
            }

            w.SectionHeader(sections + Elf64Writer.SectionHeaderSize, ShtSymtab, (ulong)symbols, 2 * 24, 2, 1, 24);
            w.SectionHeader(sections + 2 * Elf64Writer.SectionHeaderSize, ShtStrtab, (ulong)strings, 8, 0, 0, 0);
            for (int i = 3; i < sectionCount; i++)
            {
                w.SectionHeader(sections + (long)i * Elf64Writer.SectionHeaderSize, ShtRela, (ulong)relocations, (ulong)relocationSize, 1, 0, 24);
            }

            return w.Data;
        }

        /// <summary>A GNU archive: a "//" table of <paramref name="tableSize"/> bytes with no "/\n" terminators, then
        /// <paramref name="members"/> two-byte members named "/offset" at offsets spread over the table.</summary>
        public static byte[] LongNameArchive(int members, int tableSize)
        {
            var output = new MemoryStream();
            output.Write("!<arch>\n"u8);
            output.Write(Mutation.ArArchive.Header("//", tableSize));
            output.Write(Enumerable.Repeat((byte)'m', tableSize).ToArray());
            if ((tableSize & 1) != 0)
            {
                output.WriteByte((byte)'\n');
            }

            for (int i = 0; i < members; i++)
            {
                output.Write(Mutation.ArArchive.Header("/" + (long)i * tableSize / members, 2));
                output.Write("xx"u8);
            }

            return output.ToArray();
        }

        /// <summary>A sparse archive of 4 GiB whose one member is named "#1/<paramref name="nameLength"/>".</summary>
        public static IByteSource BsdNameLength(long nameLength)
        {
            long length = 4L * 1024 * 1024 * 1024;
            long size = length - 8 - 60;
            byte[] prefix = "!<arch>\n"u8.ToArray().Concat(Mutation.ArArchive.Header("#1/" + nameLength, size)).ToArray();
            return new SparseByteSource(prefix, length);
        }

        private static long Align(long value, long alignment) => (value + alignment - 1) / alignment * alignment;
    }
}
