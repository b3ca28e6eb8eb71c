namespace TlsGuard.Core.Elf
{
    /// <summary>One section header (Elf32_Shdr / Elf64_Shdr).</summary>
    public readonly struct SectionHeader
    {
        /// <summary>sh_name: offset of the name in the section-name string table.</summary>
        public uint NameOffset { get; init; }

        public SectionType Type { get; init; }
        public ulong Flags { get; init; }
        public ulong Address { get; init; }
        public ulong Offset { get; init; }
        public ulong Size { get; init; }
        public uint Link { get; init; }
        public uint Info { get; init; }
        public ulong AddressAlign { get; init; }
        public ulong EntrySize { get; init; }
    }
}
