namespace TlsGuard.Core.Elf
{
    /// <summary>Where one REL or RELA table lives in the file and which symbol table its r_sym indexes.</summary>
    internal sealed class RelocationTable
    {
        public RelocationTable(string name, long offset, long size, bool hasAddend, SymbolTable? symbols)
        {
            Name = name;
            Offset = offset;
            Size = size;
            HasAddend = hasAddend;
            Symbols = symbols;
        }

        /// <summary>"DT_RELA", "DT_JMPREL", "relocation section [3]" ...: for messages.</summary>
        public string Name { get; }

        public long Offset { get; }
        public long Size { get; }
        public bool HasAddend { get; }
        public SymbolTable? Symbols { get; }

        public bool Contains(RelocationTable other) =>
            other.Offset >= Offset && other.Offset + other.Size <= Offset + Size && other.HasAddend == HasAddend;
    }
}
