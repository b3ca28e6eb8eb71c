namespace TlsGuard.Core.Analysis
{
    /// <summary>Where a machine's ABI puts the static TLS blocks relative to the thread pointer (Drepper's variants).</summary>
    public enum TlsVariant
    {
        /// <summary>TLS_TCB_AT_TP (x86, s390, sparc): blocks sit below the thread pointer, the TCB above it.</summary>
        TcbAtThreadPointer,

        /// <summary>TLS_DTV_AT_TP (aarch64, arm, ppc, riscv, mips, loongarch): blocks sit above the TCB.</summary>
        DtvAtThreadPointer,
    }
}
