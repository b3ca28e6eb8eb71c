using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>What a C library's loader does with a list of static-TLS blocks loaded by dlopen, in order: the verdict and the figures behind it.</summary>
    public sealed record BudgetOutcome
    {
        public Verdict Verdict { get; init; }

        public BudgetRule Rule { get; init; }

        /// <summary>Static TLS the blocks take, padding included.</summary>
        public long RequiredBytes { get; init; }

        /// <summary>Static TLS free for dlopen'd modules after the host's startup (0 on musl and bionic).</summary>
        public long ReserveBytes { get; init; }

        /// <summary>The part of the reserve no TLSDESC user can take first.</summary>
        public long GuaranteedBytes { get; init; }

        /// <summary>glibc: static TLS the host's startup modules use (U0).</summary>
        public long StartupBytes { get; init; }

        /// <summary>glibc: the surplus S added after the startup modules.</summary>
        public long SurplusBytes { get; init; }

        /// <summary>glibc 2.32+: glibc.rtld.optional_static_tls in effect (the part TLSDESC users may take).</summary>
        public long OptionalBytes { get; init; }

        /// <summary>glibc: the static TLS alignment fixed at startup (the largest p_align a dlopen'd block may have).</summary>
        public long StaticAlign { get; init; }

        /// <summary>The first block that does not fit (or is over-aligned): the module the loader's error names.</summary>
        public StaticTlsConsumer? Culprit { get; init; }

        /// <summary>The blocks counted, each module once, in load order.</summary>
        public IReadOnlyList<StaticTlsConsumer> Counted { get; init; } = new StaticTlsConsumer[0];

        /// <summary>glibc.rtld.optional_static_tls that makes the blocks load, when the tunable can help.</summary>
        public long? TunableValue { get; init; }
    }
}
