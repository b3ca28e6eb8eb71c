namespace TlsGuard.Core.Elf
{
    /// <summary>EI_DATA: the byte order of every multi-byte field (ELFDATA*).</summary>
    public enum ElfData : byte
    {
        None = 0,
        LittleEndian = 1,
        BigEndian = 2,
    }
}
