using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The verdict for one scanned file (a shared object, an object file or archive member, or a file that could not be
    /// read), with the facts that justify it. Every scanned file gets one; a verdict of AtRisk or Fails on a shared object
    /// becomes TLS001/TLS002.
    /// </summary>
    public sealed record LibraryVerdict(LibraryInput Input, ElfScanResult Scan, TargetLibc Libc) : Decision(Input)
    {
        public Verdict Verdict { get; init; }

        /// <summary>Static TLS this library (with its dependency closure outside the startup set) takes from the reserve.</summary>
        public long RequiredStaticTlsBytes { get; init; }

        /// <summary>Static TLS free for dlopen'd modules on the target (glibc: after the host's startup TLS; 0 on musl/bionic).</summary>
        public long ReserveBytes { get; init; }

        /// <summary>The part of the reserve TLSDESC users cannot take first.</summary>
        public long GuaranteedBytes { get; init; }

        /// <summary>The names from this library to the module at fault ("libfoo.so", "libjemalloc.so.2"); empty when the library itself is at fault or nothing is.</summary>
        public IReadOnlyList<string> Chain { get; init; } = new string[0];

        /// <summary>The modules (this library or its dependencies) whose TLS blocks must be placed in static TLS, in load order.</summary>
        public IReadOnlyList<StaticTlsConsumer> Consumers { get; init; } = new StaticTlsConsumer[0];

        /// <summary>The module the loader's error will name: the first block that does not fit, else the largest.</summary>
        public StaticTlsConsumer? Offender { get; init; }

        /// <summary>What the target loader does with the consumers; null where no budget applies (no static TLS, startup library, not a library).</summary>
        public BudgetOutcome? Budget { get; init; }

        /// <summary>Initial-exec references to symbols no module of the closure was seen to define: their size is unknown.</summary>
        public IReadOnlyList<UnattributedSymbol> Unattributed { get; init; } = new UnattributedSymbol[0];

        /// <summary>Blocks defined in another input that reaches its own TLS dynamically: loaded and used first, it makes this library fail (glibc).</summary>
        public IReadOnlyList<StaticTlsConsumer> LoadOrderHazards { get; init; } = new StaticTlsConsumer[0];

        /// <summary>True when the host already loaded this library at startup (loading it again maps nothing).</summary>
        public bool IsStartupLibrary { get; init; }

        public Remedy? Remedy { get; init; }

        /// <summary>Set when the library was built for another C library than the target's: that, not static TLS, decides whether it loads.</summary>
        public LibcMismatch? Mismatch { get; init; }
    }
}
