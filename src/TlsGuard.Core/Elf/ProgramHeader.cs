namespace TlsGuard.Core.Elf
{
    /// <summary>One program header (Elf32_Phdr / Elf64_Phdr).</summary>
    public sealed class ProgramHeader
    {
        public ProgramHeaderType Type { get; init; }
        public uint Flags { get; init; }
        public ulong Offset { get; init; }
        public ulong VirtualAddress { get; init; }
        public ulong PhysicalAddress { get; init; }
        public ulong FileSize { get; init; }
        public ulong MemorySize { get; init; }
        public ulong Align { get; init; }
    }
}
