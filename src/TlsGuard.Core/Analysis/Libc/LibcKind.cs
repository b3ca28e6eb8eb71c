namespace TlsGuard.Core.Analysis
{
    /// <summary>The families of dynamic loaders whose static-TLS rules differ. Versions within a family are data (<see cref="TargetLibc.Version"/>).</summary>
    public enum LibcKind
    {
        /// <summary>glibc: a sized surplus (1664 bytes by default); tunables from 2.32.</summary>
        Glibc,

        /// <summary>musl: initial-exec TLS into any dlopen'd module is refused, whatever its size.</summary>
        Musl,

        /// <summary>Android's bionic: the same refusal as musl, with its own error text; no ELF TLS at all before API level 29.</summary>
        Bionic,

        /// <summary>FreeBSD rtld: a small spare area, allocated for DF_STATIC_TLS modules and TP-relative relocations.</summary>
        FreeBsd,
    }
}
