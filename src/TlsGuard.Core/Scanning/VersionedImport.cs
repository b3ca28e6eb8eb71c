namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// An undefined dynamic symbol bound to a needed version (DT_VERSYM through DT_VERNEED), e.g. __vfprintf_chk at
    /// GLIBC_2.3.4 from libc.so.6. <see cref="Weak"/>: an STB_WEAK reference, which a loader may leave unresolved.
    /// </summary>
    public sealed record VersionedImport(string Symbol, string Version, string File, bool Weak);
}
