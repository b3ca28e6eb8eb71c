namespace TlsGuard.Core.Elf
{
    /// <summary>How a 64-bit r_info splits into symbol and type. 32-bit files always use sym = info &gt;&gt; 8, type = info &amp; 0xff.</summary>
    public enum RelocationInfoLayout
    {
        /// <summary>r_sym = info &gt;&gt; 32, r_type = low 32 bits.</summary>
        Standard,

        /// <summary>
        /// MIPS64: a 32-bit r_sym in file byte order followed by the bytes r_ssym, r_type3, r_type2, r_type. Read as one
        /// little-endian word the layout looks scrambled, so it is decoded byte-wise; the first type is the last byte.
        /// </summary>
        Mips64,

        /// <summary>SPARC V9: the low 8 bits are the type, the 24 bits above hold R_SPARC_OLO10's extra addend.</summary>
        SparcV9,
    }
}
