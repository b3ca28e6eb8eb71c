namespace TlsGuard.Core.Analysis
{
    /// <summary>Whether DT_NEEDED names are looked up among the libraries of the machine running the check.</summary>
    public enum SystemLibraries
    {
        /// <summary>When this machine can stand in for the target: Linux, the same machine, the same C library family, no sysroot given.</summary>
        Auto,

        /// <summary>Always (a sysroot, when given, is searched instead).</summary>
        On,

        /// <summary>Never: a dependency not shipped with the app is reported as not found (TLS005).</summary>
        Off,
    }
}
