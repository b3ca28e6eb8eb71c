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

        /// <summary>
        /// In an object file: a module id or DTP-relative offset (data words, debug info, the offsets that follow a
        /// local-dynamic call). It needs no static TLS and selects no access model by itself (the call sequence's own
        /// relocations do), so object-file scans count it nowhere.
        /// </summary>
        DynamicTlsData,

        /// <summary>
        /// In an object file: marks an instruction of an initial-exec sequence (R_PPC64_TLS, R_PPC_TLS, R_390_TLS_LOAD)
        /// whose GOT relocations already select the model; counting it too would count the sequence twice.
        /// </summary>
        SequenceMarker,
    }
}
