using System.Text;

namespace TlsGuard.Fuzz.Crafted
{
    /// <summary>
    /// Honest x86-64 object files at the scanner's costliest legitimate patterns, for the harness's own tests (the read
    /// bound's calibration) and the regression tests of the walks: many TLS symbols in one table, a table of nothing but
    /// TLS relocations, relocations that each name a symbol of their own. Issue 12's hostile shapes are written by
    /// tests/fixtures/hostile/make_hostile.py, not here.
    /// </summary>
    internal static class ObjectImages
    {
        private const uint ShtSymtab = 2;
        private const uint ShtStrtab = 3;
        private const uint ShtRela = 4;
        private const byte GlobalTls = (1 << 4) | 6;
        private const uint RX86_64Tpoff32 = 23;

        /// <summary>Sections: [1] .strtab, [2] .symtab of <paramref name="count"/> defined global STT_TLS symbols "tls_N".</summary>
        public static byte[] DefinedTlsSymbols(int count) => Build(count, defined: true, relocations: false);

        /// <summary>Sections: [1] .strtab, [2] .symtab of <paramref name="count"/> undefined global STT_TLS symbols "tls_N",
        /// [3] .rela with one R_X86_64_TPOFF32 against each: every relocation names a symbol of its own.</summary>
        public static byte[] RelocationsAgainstDistinctSymbols(int count) => Build(count, defined: false, relocations: true);

        /// <summary>Sections: [1] .strtab, [2] .symtab (null symbol only), [3] .rela of <paramref name="count"/>
        /// R_X86_64_TPOFF32 entries against the null symbol: a table of nothing but TLS relocations.</summary>
        public static byte[] TlsRelocationsOnly(int count)
        {
            long strings = Elf64Writer.HeaderSize;
            long symbols = strings + 8;
            long relocations = symbols + 24;
            long sections = relocations + count * 24L;
            var w = new Elf64Writer((int)(sections + 4 * Elf64Writer.SectionHeaderSize));
            w.Header(Elf64Writer.EtRel, 0, 0, (ulong)sections, 4);
            for (int i = 0; i < count; i++)
            {
                w.Rela(relocations + 24L * i, 0, RX86_64Tpoff32);
            }

            w.SectionHeader(sections + Elf64Writer.SectionHeaderSize, ShtStrtab, (ulong)strings, 8, 0, 0, 0);
            w.SectionHeader(sections + 2 * Elf64Writer.SectionHeaderSize, ShtSymtab, (ulong)symbols, 24, 1, 1, 24);
            w.SectionHeader(sections + 3 * Elf64Writer.SectionHeaderSize, ShtRela, (ulong)relocations, (ulong)count * 24, 2, 0, 24);
            return w.Data;
        }

        private static byte[] Build(int count, bool defined, bool relocations)
        {
            var names = new StringBuilder("\0");
            var offsets = new int[count];
            for (int i = 0; i < count; i++)
            {
                offsets[i] = names.Length;
                names.Append("tls_").Append(i).Append('\0');
            }

            byte[] nameBytes = Encoding.ASCII.GetBytes(names.ToString());
            long strings = Elf64Writer.HeaderSize;
            long symbols = (strings + nameBytes.Length + 7) / 8 * 8;
            long symbolSize = (count + 1) * 24L;
            long relocationsAt = symbols + symbolSize;
            long relocationSize = relocations ? count * 24L : 0;
            long sections = relocationsAt + relocationSize;
            int sectionCount = relocations ? 4 : 3;
            var w = new Elf64Writer((int)(sections + sectionCount * Elf64Writer.SectionHeaderSize));
            w.Header(Elf64Writer.EtRel, 0, 0, (ulong)sections, (ushort)sectionCount);
            nameBytes.CopyTo(w.Data, strings);
            for (int i = 0; i < count; i++)
            {
                w.Symbol(symbols + 24L * (i + 1), (uint)offsets[i], GlobalTls, defined ? (ushort)1 : (ushort)0);
                if (relocations)
                {
                    w.Rela(relocationsAt + 24L * i, (uint)(i + 1), RX86_64Tpoff32);
                }
            }

            w.SectionHeader(sections + Elf64Writer.SectionHeaderSize, ShtStrtab, (ulong)strings, (ulong)nameBytes.Length, 0, 0, 0);
            w.SectionHeader(sections + 2 * Elf64Writer.SectionHeaderSize, ShtSymtab, (ulong)symbols, (ulong)symbolSize, 1, 1, 24);
            if (relocations)
            {
                w.SectionHeader(sections + 3 * Elf64Writer.SectionHeaderSize, ShtRela, (ulong)relocationsAt, (ulong)relocationSize, 2, 0, 24);
            }

            return w.Data;
        }
    }
}
