namespace TlsGuard.Core.Analysis
{
    /// <summary>How a module's relocations against its own TLS block make glibc place that block when it is dlopen'ed.</summary>
    public enum TlsAccessKind
    {
        /// <summary>General dynamic (DTPMOD/DTPOFF, __tls_get_addr): never in static TLS after startup.</summary>
        Dynamic,

        /// <summary>TLS descriptors: TRY_STATIC_TLS takes the block from the optional pool when it fits, else it stays dynamic.</summary>
        Descriptor,

        /// <summary>Initial-exec (TP-relative): CHECK_STATIC_TLS must place it or the load fails.</summary>
        InitialExec,
    }

    /// <summary>A TLS module the host process itself dlopens before the first P/Invoke, in load order.</summary>
    public sealed record HostModule(StaticBlock Block, TlsAccessKind Access);
}
