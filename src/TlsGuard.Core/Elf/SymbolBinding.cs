namespace TlsGuard.Core.Elf
{
    /// <summary>ELF_ST_BIND (STB_*).</summary>
    public enum SymbolBinding : byte
    {
        Local = 0,
        Global = 1,
        Weak = 2,
        GnuUnique = 10,
    }
}
