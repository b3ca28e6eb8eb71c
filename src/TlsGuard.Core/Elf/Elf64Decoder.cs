using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>The ELFCLASS64 layouts (Elf64_Ehdr, _Phdr, _Shdr, _Sym, _Dyn, _Rel, _Rela) in one byte order.</summary>
    internal sealed class Elf64Decoder<TOrder> : ElfDecoder
        where TOrder : struct, IByteOrder
    {
        private static TOrder Order => default;

        public override ElfClass Class => ElfClass.Elf64;
        public override ElfData Data => Order.Data;
        public override int WordSize => 8;
        public override int HeaderSize => 64;
        public override int ProgramHeaderSize => 56;
        public override int SectionHeaderSize => 64;
        public override int SymbolSize => 24;
        public override int DynamicEntrySize => 16;

        public override int RelocationSize(bool hasAddend) => hasAddend ? 24 : 16;

        public override ushort U16(byte[] b, int i) => Order.U16(b, i);

        public override uint U32(byte[] b, int i) => Order.U32(b, i);

        public override ulong U64(byte[] b, int i) => Order.U64(b, i);

        public override ulong Word(byte[] b, int i) => Order.U64(b, i);

        public override ElfHeader Header(byte[] b, int i) => new ElfHeader
        {
            Class = ElfClass.Elf64,
            Data = Order.Data,
            OsAbi = b[i + 7],
            Type = (ElfType)Order.U16(b, i + 16),
            Machine = Order.U16(b, i + 18),
            Version = Order.U32(b, i + 20),
            Entry = Order.U64(b, i + 24),
            ProgramHeaderOffset = Order.U64(b, i + 32),
            SectionHeaderOffset = Order.U64(b, i + 40),
            Flags = Order.U32(b, i + 48),
            HeaderSize = Order.U16(b, i + 52),
            ProgramHeaderEntrySize = Order.U16(b, i + 54),
            ProgramHeaderCount = Order.U16(b, i + 56),
            SectionHeaderEntrySize = Order.U16(b, i + 58),
            SectionHeaderCount = Order.U16(b, i + 60),
            SectionNameTableIndex = Order.U16(b, i + 62),
        };

        public override ProgramHeader ProgramHeader(byte[] b, int i) => new ProgramHeader
        {
            Type = (ProgramHeaderType)Order.U32(b, i),
            Flags = Order.U32(b, i + 4),
            Offset = Order.U64(b, i + 8),
            VirtualAddress = Order.U64(b, i + 16),
            PhysicalAddress = Order.U64(b, i + 24),
            FileSize = Order.U64(b, i + 32),
            MemorySize = Order.U64(b, i + 40),
            Align = Order.U64(b, i + 48),
        };

        public override SectionHeader SectionHeader(byte[] b, int i) => new SectionHeader
        {
            NameOffset = Order.U32(b, i),
            Type = (SectionType)Order.U32(b, i + 4),
            Flags = Order.U64(b, i + 8),
            Address = Order.U64(b, i + 16),
            Offset = Order.U64(b, i + 24),
            Size = Order.U64(b, i + 32),
            Link = Order.U32(b, i + 40),
            Info = Order.U32(b, i + 44),
            AddressAlign = Order.U64(b, i + 48),
            EntrySize = Order.U64(b, i + 56),
        };

        public override Symbol Symbol(byte[] b, int i) =>
            new Symbol(Order.U32(b, i), b[i + 4], b[i + 5], Order.U16(b, i + 6), Order.U64(b, i + 8), Order.U64(b, i + 16));

        /// <summary>Elf64_Sym: st_name (4), st_info, st_other, st_shndx (2), st_value, st_size.</summary>
        public override int FindTlsDefinitionOrImport(byte[] b, int i, int count, bool importsToo) =>
            SymbolSearch<TOrder>.TlsDefinitionOrImport(b, i + 4, i + 6, count, SymbolSize, importsToo);

        public override DynamicEntry DynamicEntry(byte[] b, int i) =>
            new DynamicEntry((DynamicTag)(long)Order.U64(b, i), Order.U64(b, i + 8));

        public override Relocation Relocation(byte[] b, int i, bool hasAddend, RelocationInfoLayout layout)
        {
            ulong offset = Order.U64(b, i);
            long addend = hasAddend ? (long)Order.U64(b, i + 16) : 0;
            uint symbol = layout == RelocationInfoLayout.Mips64 ? Order.U32(b, i + 8) : (uint)(Order.U64(b, i + 8) >> 32);
            return new Relocation(offset, Type(b, i, layout), symbol, addend);
        }

        public override int FindTls(byte[] b, int i, int count, int entrySize, RelocationInfoLayout layout, Tls.MachineTlsTable tls)
        {
            // r_info is the second field of Elf64_Rel and Elf64_Rela; see Type for where each layout keeps the type.
            switch (layout)
            {
                case RelocationInfoLayout.Mips64:
                    return RelocationTypeSearch<TOrder>.Byte(b, i + 15, count, entrySize, tls);
                case RelocationInfoLayout.SparcV9:
                    return RelocationTypeSearch<TOrder>.Byte(b, i + 8 + Order.LowByteOffset64, count, entrySize, tls);
                default:
                    return RelocationTypeSearch<TOrder>.Word(b, i + 8 + Order.LowWordOffset, count, entrySize, tls);
            }
        }

        /// <summary>r_type: the low 32 bits of r_info; SPARC V9 keeps an addend above the low 8; MIPS64 stores r_sym (a
        /// 32-bit word in file order), then the bytes r_ssym, r_type3, r_type2, r_type, of which the first type is the last.</summary>
        private static uint Type(byte[] b, int i, RelocationInfoLayout layout)
        {
            switch (layout)
            {
                case RelocationInfoLayout.Mips64:
                    return b[i + 15];
                case RelocationInfoLayout.SparcV9:
                    return (uint)Order.U64(b, i + 8) & 0xff;
                default:
                    return (uint)Order.U64(b, i + 8);
            }
        }
    }
}
