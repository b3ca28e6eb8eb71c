namespace TlsGuard.Core.Elf
{
    /// <summary>One relocation (Elf*_Rel / Elf*_Rela) with r_info already split by the machine's layout.</summary>
    public readonly struct Relocation
    {
        public Relocation(ulong offset, uint type, uint symbolIndex, long addend)
        {
            Offset = offset;
            Type = type;
            SymbolIndex = symbolIndex;
            Addend = addend;
        }

        public ulong Offset { get; }

        /// <summary>The relocation type; for MIPS64 the first of the three packed types.</summary>
        public uint Type { get; }

        public uint SymbolIndex { get; }

        /// <summary>r_addend; 0 for REL entries.</summary>
        public long Addend { get; }
    }
}
