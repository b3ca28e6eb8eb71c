namespace TlsGuard.Core.Analysis
{
    /// <summary>The families of dynamic loaders whose static-TLS rules differ.</summary>
    public enum LibcKind
    {
        /// <summary>glibc 2.32 or later: a sized surplus (1664 bytes by default) and the optional_static_tls tunable.</summary>
        Glibc,

        /// <summary>glibc before 2.32: the same 1664-byte surplus, no tunable, and TLSDESC may take all of it (BZ 25051).</summary>
        GlibcBefore232,

        /// <summary>musl: initial-exec TLS into any dlopen'd module is refused, whatever its size.</summary>
        Musl,

        /// <summary>Android's bionic: the same refusal as musl, with its own error text.</summary>
        Bionic,

        /// <summary>FreeBSD rtld: 128 spare bytes, allocated for DF_STATIC_TLS modules and TP-relative relocations.</summary>
        FreeBsd,
    }
}
