namespace TlsGuard.Core.Elf
{
    /// <summary>e_machine (EM_*): the values TlsGuard has relocation knowledge for, plus their close relatives.</summary>
    public enum ElfMachine : ushort
    {
        None = 0,
        Sparc = 2,
        I386 = 3,
        M68k = 4,
        Mips = 8,
        Sparc32Plus = 18,
        PowerPC = 20,
        PowerPC64 = 21,
        S390 = 22,
        Arm = 40,
        SuperH = 42,
        SparcV9 = 43,
        X86_64 = 62,
        OpenRisc = 92,
        ArcCompact = 93,
        AArch64 = 183,
        ArcCompact2 = 195,
        RiscV = 243,
        CSky = 252,
        LoongArch = 258,
    }
}
