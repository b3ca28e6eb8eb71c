using System.Text;

namespace TlsGuard.Core.Tests.Support
{
    /// <summary>
    /// Writes a minimal relocatable ELF file: one RELA section whose entries carry the given relocation types, in order,
    /// all against symbol 1, a global undefined STT_TLS symbol named "x". readelf names the types; the scanner counts them.
    /// </summary>
    internal static class SyntheticObject
    {
        public static byte[] Build(ushort machine, bool is64, bool bigEndian, IReadOnlyList<uint> types)
        {
            var writer = new Writer(bigEndian);
            int symbolSize = is64 ? 24 : 16;
            int relaSize = is64 ? 24 : 12;
            int headerSize = is64 ? 64 : 52;
            int sectionHeaderSize = is64 ? 64 : 40;
            byte[] sectionNames = Encoding.ASCII.GetBytes("\0.shstrtab\0.symtab\0.strtab\0.text\0.rela.text\0");
            byte[] strings = Encoding.ASCII.GetBytes("\0x\0");

            // Layout: header, .shstrtab, .symtab, .strtab, .text, .rela.text (8-aligned), then the section headers.
            int sectionNamesAt = headerSize;
            int symbolsAt = Align(sectionNamesAt + sectionNames.Length);
            int stringsAt = symbolsAt + 2 * symbolSize;
            int textAt = Align(stringsAt + strings.Length);
            int relocationsAt = textAt + 16;
            int sectionHeadersAt = Align(relocationsAt + types.Count * relaSize);

            writer.Bytes(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', (byte)(is64 ? 2 : 1), (byte)(bigEndian ? 2 : 1), 1, 0 });
            writer.Bytes(new byte[8]);
            writer.U16(1).U16(machine).U32(1);
            writer.Word(is64, 0).Word(is64, 0).Word(is64, (ulong)sectionHeadersAt);
            writer.U32(0).U16((ushort)headerSize).U16(0).U16(0).U16((ushort)sectionHeaderSize).U16(6).U16(1);

            writer.PadTo(sectionNamesAt).Bytes(sectionNames).PadTo(symbolsAt);
            Symbol(writer, is64, 0, 0);
            Symbol(writer, is64, 1, 0x16);
            writer.Bytes(strings).PadTo(textAt).Bytes(new byte[16]);
            foreach (uint type in types)
            {
                if (is64)
                {
                    writer.U64(0).U64(Info64(machine, type, bigEndian)).U64(0);
                }
                else
                {
                    writer.U32(0).U32((1u << 8) | type).U32(0);
                }
            }

            writer.PadTo(sectionHeadersAt);
            Section(writer, is64, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            Section(writer, is64, 1, 3, 0, sectionNamesAt, sectionNames.Length, 0, 0, 1, 0);
            Section(writer, is64, 11, 2, 0, symbolsAt, 2 * symbolSize, 3, 1, 8, symbolSize);
            Section(writer, is64, 19, 3, 0, stringsAt, strings.Length, 0, 0, 1, 0);
            Section(writer, is64, 27, 1, 6, textAt, 16, 0, 0, 4, 0);
            Section(writer, is64, 33, 4, 0x40, relocationsAt, types.Count * relaSize, 2, 4, 8, relaSize);
            return writer.ToArray();
        }

        /// <summary>MIPS64 keeps a 32-bit r_sym followed by the bytes r_ssym, r_type3, r_type2, r_type.</summary>
        private static ulong Info64(ushort machine, uint type, bool bigEndian)
        {
            const ushort Mips = 8;
            if (machine == Mips)
            {
                return bigEndian ? (1UL << 32) | type : 1UL | ((ulong)type << 56);
            }

            return (1UL << 32) | type;
        }

        private static void Symbol(Writer writer, bool is64, uint name, byte info)
        {
            if (is64)
            {
                writer.U32(name).Bytes(new[] { info, (byte)0 }).U16(0).U64(0).U64(0);
            }
            else
            {
                writer.U32(name).U32(0).U32(0).Bytes(new[] { info, (byte)0 }).U16(0);
            }
        }

        private static void Section(Writer writer, bool is64, uint name, uint type, ulong flags, int offset, int size, uint link, uint info, ulong align, int entrySize)
        {
            writer.U32(name).U32(type).Word(is64, flags).Word(is64, 0).Word(is64, (ulong)offset).Word(is64, (ulong)size)
                .U32(link).U32(info).Word(is64, align).Word(is64, (ulong)entrySize);
        }

        private static int Align(int offset) => (offset + 7) & ~7;

        private sealed class Writer
        {
            private readonly List<byte> bytes = new();
            private readonly bool bigEndian;

            public Writer(bool bigEndian) => this.bigEndian = bigEndian;

            public Writer Bytes(byte[] data)
            {
                bytes.AddRange(data);
                return this;
            }

            public Writer U16(ushort v) => Number(v, 2);
            public Writer U32(uint v) => Number(v, 4);
            public Writer U64(ulong v) => Number(v, 8);
            public Writer Word(bool is64, ulong v) => Number(v, is64 ? 8 : 4);

            public Writer PadTo(int offset)
            {
                while (bytes.Count < offset)
                {
                    bytes.Add(0);
                }

                return this;
            }

            public byte[] ToArray() => bytes.ToArray();

            private Writer Number(ulong v, int width)
            {
                for (int i = 0; i < width; i++)
                {
                    int shift = 8 * (bigEndian ? width - 1 - i : i);
                    bytes.Add((byte)(v >> shift));
                }

                return this;
            }
        }
    }
}
