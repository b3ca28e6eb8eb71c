namespace TlsGuard.Core.Elf
{
    /// <summary>e_type (ET_*).</summary>
    public enum ElfType : ushort
    {
        None = 0,
        Relocatable = 1,
        Executable = 2,
        SharedObject = 3,
        Core = 4,
    }
}
