namespace TlsGuard.Core.Elf
{
    /// <summary>The ELF file header (Elf32_Ehdr / Elf64_Ehdr), widened to 64 bits.</summary>
    public sealed class ElfHeader
    {
        public ElfClass Class { get; init; }
        public ElfData Data { get; init; }
        public byte OsAbi { get; init; }
        public ElfType Type { get; init; }

        /// <summary>e_machine as stored; not every value has an <see cref="ElfMachine"/> name.</summary>
        public ushort Machine { get; init; }

        public uint Version { get; init; }
        public ulong Entry { get; init; }
        public ulong ProgramHeaderOffset { get; init; }
        public ulong SectionHeaderOffset { get; init; }
        public uint Flags { get; init; }
        public ushort HeaderSize { get; init; }
        public ushort ProgramHeaderEntrySize { get; init; }
        public ushort ProgramHeaderCount { get; init; }
        public ushort SectionHeaderEntrySize { get; init; }

        /// <summary>e_shnum as stored: 0 with a non-zero offset means the count lives in section 0's sh_size.</summary>
        public ushort SectionHeaderCount { get; init; }

        /// <summary>e_shstrndx as stored: SHN_XINDEX means the index lives in section 0's sh_link.</summary>
        public ushort SectionNameTableIndex { get; init; }

        public bool Is64 => Class == ElfClass.Elf64;
        public bool IsBigEndian => Data == ElfData.BigEndian;
    }
}
