namespace TlsGuard.Core.Elf
{
    /// <summary>One symbol table entry (Elf32_Sym / Elf64_Sym).</summary>
    public readonly struct Symbol
    {
        public Symbol(uint nameOffset, byte info, byte other, ushort sectionIndex, ulong value, ulong size)
        {
            NameOffset = nameOffset;
            Info = info;
            Other = other;
            SectionIndex = sectionIndex;
            Value = value;
            Size = size;
        }

        /// <summary>st_name: offset in the linked string table.</summary>
        public uint NameOffset { get; }

        public byte Info { get; }
        public byte Other { get; }

        /// <summary>st_shndx; <see cref="Elf.SectionIndex.Undefined"/> means the symbol is defined elsewhere.</summary>
        public ushort SectionIndex { get; }

        public ulong Value { get; }
        public ulong Size { get; }

        public SymbolBinding Binding => (SymbolBinding)(Info >> 4);
        public SymbolType Type => (SymbolType)(Info & 0xf);
        public bool IsDefined => SectionIndex != Elf.SectionIndex.Undefined;
    }
}
