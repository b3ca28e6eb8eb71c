namespace TlsGuard.Core.Elf
{
    /// <summary>sh_type (SHT_*).</summary>
    public enum SectionType : uint
    {
        Null = 0,
        ProgBits = 1,
        SymbolTable = 2,
        StringTable = 3,
        Rela = 4,
        Hash = 5,
        Dynamic = 6,
        Note = 7,
        NoBits = 8,
        Rel = 9,
        Shlib = 10,
        DynamicSymbols = 11,
        InitArray = 14,
        FiniArray = 15,
        PreinitArray = 16,
        Group = 17,
        SymbolTableIndices = 18,
        Relr = 19,
        GnuHash = 0x6ffffff6,
        GnuVersionDefinitions = 0x6ffffffd,
        GnuVersionNeeds = 0x6ffffffe,
        GnuVersionSymbols = 0x6fffffff,
    }
}
