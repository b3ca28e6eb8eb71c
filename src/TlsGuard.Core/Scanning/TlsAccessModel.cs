namespace TlsGuard.Core.Scanning
{
    /// <summary>The TLS access model a relocation type selects.</summary>
    public enum TlsAccessModel
    {
        /// <summary>GD/LD: __tls_get_addr, works in any dlopen'd module.</summary>
        GeneralDynamic,

        /// <summary>TLSDESC: dynamic, but glibc may serve it from the optional static pool.</summary>
        Descriptor,

        /// <summary>IE: a TP-relative offset loaded from the GOT; the defining module needs static TLS.</summary>
        InitialExec,

        /// <summary>LE: a TP-relative offset fixed at link time; only valid in the executable.</summary>
        LocalExec,
    }
}
