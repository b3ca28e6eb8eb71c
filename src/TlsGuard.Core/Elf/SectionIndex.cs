namespace TlsGuard.Core.Elf
{
    /// <summary>Special st_shndx / e_shstrndx values (SHN_*).</summary>
    public static class SectionIndex
    {
        public const ushort Undefined = 0;
        public const ushort LowReserve = 0xff00;
        public const ushort Absolute = 0xfff1;
        public const ushort Common = 0xfff2;
        public const ushort ExtendedIndex = 0xffff;
    }
}
