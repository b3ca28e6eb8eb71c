using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>What a C library's loader would do with a list of static-TLS blocks loaded by dlopen, in order.</summary>
    internal sealed class BudgetEvaluation
    {
        public Verdict Verdict { get; init; }

        /// <summary>Static TLS the blocks take, padding included.</summary>
        public long RequiredBytes { get; init; }

        /// <summary>Static TLS free for dlopen'd modules after the host's startup (0 on musl and bionic).</summary>
        public long ReserveBytes { get; init; }

        /// <summary>The part of the reserve no TLSDESC user can take first (glibc 2.32+).</summary>
        public long GuaranteedBytes { get; init; }

        /// <summary>One sentence explaining the verdict, for messages.</summary>
        public string Reason { get; init; } = "";

        /// <summary>The first block that does not fit (or is over-aligned): the module the loader's error names.</summary>
        public StaticTlsConsumer? Culprit { get; init; }

        /// <summary>glibc.rtld.optional_static_tls that makes the blocks load, when the tunable can help.</summary>
        public long? TunableValue { get; init; }

        public IReadOnlyList<StaticTlsConsumer> Counted { get; init; } = new StaticTlsConsumer[0];
    }
}
