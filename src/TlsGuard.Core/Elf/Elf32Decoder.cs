using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>The ELFCLASS32 layouts (Elf32_Ehdr, _Phdr, _Shdr, _Sym, _Dyn, _Rel, _Rela) in one byte order.</summary>
    internal sealed class Elf32Decoder<TOrder> : ElfDecoder
        where TOrder : struct, IByteOrder
    {
        private static TOrder Order => default;

        public override ElfClass Class => ElfClass.Elf32;
        public override ElfData Data => Order.Data;
        public override int WordSize => 4;
        public override int HeaderSize => 52;
        public override int ProgramHeaderSize => 32;
        public override int SectionHeaderSize => 40;
        public override int SymbolSize => 16;
        public override int DynamicEntrySize => 8;

        public override int RelocationSize(bool hasAddend) => hasAddend ? 12 : 8;

        public override ushort U16(byte[] b, int i) => Order.U16(b, i);

        public override uint U32(byte[] b, int i) => Order.U32(b, i);

        public override ulong U64(byte[] b, int i) => Order.U64(b, i);

        public override ulong Word(byte[] b, int i) => Order.U32(b, i);

        public override ElfHeader Header(byte[] b, int i) => new ElfHeader
        {
            Class = ElfClass.Elf32,
            Data = Order.Data,
            OsAbi = b[i + 7],
            Type = (ElfType)Order.U16(b, i + 16),
            Machine = Order.U16(b, i + 18),
            Version = Order.U32(b, i + 20),
            Entry = Order.U32(b, i + 24),
            ProgramHeaderOffset = Order.U32(b, i + 28),
            SectionHeaderOffset = Order.U32(b, i + 32),
            Flags = Order.U32(b, i + 36),
            HeaderSize = Order.U16(b, i + 40),
            ProgramHeaderEntrySize = Order.U16(b, i + 42),
            ProgramHeaderCount = Order.U16(b, i + 44),
            SectionHeaderEntrySize = Order.U16(b, i + 46),
            SectionHeaderCount = Order.U16(b, i + 48),
            SectionNameTableIndex = Order.U16(b, i + 50),
        };

        public override ProgramHeader ProgramHeader(byte[] b, int i) => new ProgramHeader
        {
            Type = (ProgramHeaderType)Order.U32(b, i),
            Offset = Order.U32(b, i + 4),
            VirtualAddress = Order.U32(b, i + 8),
            PhysicalAddress = Order.U32(b, i + 12),
            FileSize = Order.U32(b, i + 16),
            MemorySize = Order.U32(b, i + 20),
            Flags = Order.U32(b, i + 24),
            Align = Order.U32(b, i + 28),
        };

        public override SectionHeader SectionHeader(byte[] b, int i) => new SectionHeader
        {
            NameOffset = Order.U32(b, i),
            Type = (SectionType)Order.U32(b, i + 4),
            Flags = Order.U32(b, i + 8),
            Address = Order.U32(b, i + 12),
            Offset = Order.U32(b, i + 16),
            Size = Order.U32(b, i + 20),
            Link = Order.U32(b, i + 24),
            Info = Order.U32(b, i + 28),
            AddressAlign = Order.U32(b, i + 32),
            EntrySize = Order.U32(b, i + 36),
        };

        public override Symbol Symbol(byte[] b, int i) =>
            new Symbol(Order.U32(b, i), b[i + 12], b[i + 13], Order.U16(b, i + 14), Order.U32(b, i + 4), Order.U32(b, i + 8));

        /// <summary>Elf32_Sym: st_name, st_value, st_size (4 each), st_info, st_other, st_shndx (2).</summary>
        public override int FindTlsDefinitionOrImport(byte[] b, int i, int count, bool importsToo) =>
            SymbolSearch<TOrder>.TlsDefinitionOrImport(b, i + 12, i + 14, count, SymbolSize, importsToo);

        /// <summary>d_tag is an Elf32_Sword: sign-extended so the OS- and processor-specific tags keep their values.</summary>
        public override DynamicEntry DynamicEntry(byte[] b, int i) =>
            new DynamicEntry((DynamicTag)(int)Order.U32(b, i), Order.U32(b, i + 4));

        /// <summary>r_info is the second word of Elf32_Rel and Elf32_Rela; the type is its low byte.</summary>
        public override int FindTls(byte[] b, int i, int count, int entrySize, RelocationInfoLayout layout, Tls.MachineTlsTable tls) =>
            RelocationTypeSearch<TOrder>.Byte(b, i + 4 + Order.LowByteOffset32, count, entrySize, tls);

        /// <summary>ELF32 packs r_info as sym &lt;&lt; 8 | type on every machine; the layout only matters for ELF64.</summary>
        public override Relocation Relocation(byte[] b, int i, bool hasAddend, RelocationInfoLayout layout)
        {
            uint info = Order.U32(b, i + 4);
            long addend = hasAddend ? (int)Order.U32(b, i + 8) : 0;
            return new Relocation(Order.U32(b, i), info & 0xff, info >> 8, addend);
        }
    }
}
