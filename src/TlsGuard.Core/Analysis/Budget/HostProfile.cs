using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Where a host profile's figures come from.</summary>
    public enum HostDataSource
    {
        /// <summary>The built-in table measured with .NET 10.0.12 (docs: loader lab).</summary>
        Measured,

        /// <summary>Read from a runtime pack or shared runtime folder with the scanner.</summary>
        RuntimePack,

        /// <summary>Not measured for this machine: the nearest measured figures, said so in the budget.</summary>
        Assumed,
    }

    /// <summary>
    /// What a host process has put into static TLS before the first P/Invoke: the TLS blocks of its startup modules
    /// that come before libc.so.6 in module-id order (the executable, libstdc++), and the TLS modules it dlopens itself
    /// (the .NET runtime's libraries), in load order.
    /// </summary>
    public sealed record HostProfile(
        HostKind Kind,
        string Machine,
        IReadOnlyList<StaticBlock> StartupBeforeLibc,
        IReadOnlyList<HostModule> Dlopened,
        HostDataSource Source)
    {
        /// <summary>The runtime pack folder the dlopen'ed modules were read from, when <see cref="Source"/> says so.</summary>
        public string? RuntimePack { get; init; }

        /// <summary>Whether the process has threads when user code loads libraries (glibc's RTLD_SINGLE_THREAD_P): every .NET host has.</summary>
        public bool Multithreaded => Kind != HostKind.CProgram;
    }
}
