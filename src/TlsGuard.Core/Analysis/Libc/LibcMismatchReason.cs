namespace TlsGuard.Core.Analysis
{
    /// <summary>What makes a library unfit for the target's C library.</summary>
    public enum LibcMismatchReason
    {
        /// <summary>It needs a file only the other C library has (ld-linux-x86-64.so.2 on musl, libc.musl-x86_64.so.1 on glibc): the loader cannot find it.</summary>
        NeedsOtherLibcFile,

        /// <summary>It imports a symbol the target C library does not define (glibc's __*_chk on musl): the loader cannot resolve it.</summary>
        ImportsMissingSymbol,

        /// <summary>It needs a newer glibc symbol version than the target's glibc has.</summary>
        NeedsNewerGlibc,

        /// <summary>Linked against glibc, on musl, with no certain sign either way: musl runs it only if it defines every symbol it imports.</summary>
        LinkedAgainstGlibc,
    }
}
