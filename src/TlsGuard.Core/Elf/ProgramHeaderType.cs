namespace TlsGuard.Core.Elf
{
    /// <summary>p_type (PT_*).</summary>
    public enum ProgramHeaderType : uint
    {
        Null = 0,
        Load = 1,
        Dynamic = 2,
        Interpreter = 3,
        Note = 4,
        Shlib = 5,
        ProgramHeaders = 6,
        Tls = 7,
        GnuEhFrame = 0x6474e550,
        GnuStack = 0x6474e551,
        GnuRelro = 0x6474e552,
        GnuProperty = 0x6474e553,
    }
}
