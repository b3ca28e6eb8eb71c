namespace TlsGuard.Core.Elf
{
    /// <summary>ELF_ST_TYPE (STT_*).</summary>
    public enum SymbolType : byte
    {
        NoType = 0,
        Object = 1,
        Function = 2,
        Section = 3,
        File = 4,
        Common = 5,
        Tls = 6,
        GnuIndirectFunction = 10,
    }
}
