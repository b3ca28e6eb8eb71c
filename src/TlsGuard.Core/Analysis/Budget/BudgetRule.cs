namespace TlsGuard.Core.Analysis
{
    /// <summary>Which rule of the target loader decided a budget.</summary>
    public enum BudgetRule
    {
        /// <summary>No block needs static TLS.</summary>
        NoStaticTls,

        /// <summary>The blocks fit in the part of the reserve nothing else can take first.</summary>
        Fits,

        /// <summary>glibc: the blocks do not fit in what is free after the host's startup TLS and its own dlopen'ed TLS users.</summary>
        ExceedsReserve,

        /// <summary>glibc: a block is aligned above the static TLS alignment fixed at startup; no reserve size helps.</summary>
        OverAligned,

        /// <summary>glibc 2.32+: fits, but only if TLSDESC users did not take the optional part first.</summary>
        BeyondGuaranteed,

        /// <summary>glibc before 2.32: fits, but TLSDESC users may take the whole surplus first (BZ 25051).</summary>
        LegacyLoadOrder,

        /// <summary>glibc before 2.22: a static-TLS module's TLS module id is above DTV_SURPLUS (14) in a process with threads.</summary>
        DtvSurplusExceeded,

        /// <summary>musl and bionic: no surplus; any initial-exec reference into a dlopen'd module fails.</summary>
        NoSurplus,

        /// <summary>bionic before API level 29: no ELF TLS at all; any PT_TLS in a dlopen'd library fails, whatever the TLS model.</summary>
        NoElfTls,

        /// <summary>FreeBSD rtld: the blocks exceed the spare static TLS kept for modules loaded later.</summary>
        FreeBsdReserve,

        /// <summary>FreeBSD rtld: the blocks fit or not depending on the alignment where the startup TLS ends (padding).</summary>
        FreeBsdPadding,
    }
}
