namespace TlsGuard.Core.Tls
{
    /// <summary>What a TLS relocation type means for the loader or the linker.</summary>
    public enum TlsRelocationClass
    {
        /// <summary>A TP-relative dynamic relocation: the loader must place the target's block in static TLS (glibc CHECK_STATIC_TLS).</summary>
        StaticTlsDynamic,

        /// <summary>An object-file relocation selecting initial-exec (a GOT slot holding a TP offset).</summary>
        InitialExec,

        /// <summary>An object-file relocation selecting local-exec (a TP offset fixed at link time).</summary>
        LocalExec,

        /// <summary>General dynamic: module id + offset, resolved through __tls_get_addr.</summary>
        GeneralDynamic,

        /// <summary>Local dynamic: module id of the own module + DTP-relative offsets.</summary>
        LocalDynamic,

        /// <summary>TLS descriptors: dynamic, though glibc may serve them from the optional static pool.</summary>
        Descriptor,
    }
}
