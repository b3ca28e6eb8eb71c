using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>What a C library's loader does with a list of static-TLS blocks loaded by dlopen, in order: the verdict and the figures behind it.</summary>
    public sealed record BudgetOutcome
    {
        public Verdict Verdict { get; init; }

        public BudgetRule Rule { get; init; }

        /// <summary>The C library version (or the worst range of versions) these figures are for.</summary>
        public JudgedLibc Judged { get; init; } = JudgedLibc.Unversioned(LibcKind.Glibc);

        /// <summary>The machine name ("x86_64", "aarch64").</summary>
        public string Machine { get; init; } = "";

        /// <summary>glibc: the host whose startup and own dlopen'ed TLS the figures include; null for other loaders.</summary>
        public HostProfile? Host { get; init; }

        /// <summary>Static TLS the blocks take, padding included.</summary>
        public long RequiredBytes { get; init; }

        /// <summary>Static TLS free for dlopen'd modules when user code starts (0 on musl and bionic).</summary>
        public long ReserveBytes { get; init; }

        /// <summary>The part of the reserve no TLSDESC user can take first.</summary>
        public long GuaranteedBytes { get; init; }

        /// <summary>glibc: static TLS the host's startup modules use (U0, with 2.41's rseq block).</summary>
        public long StartupBytes { get; init; }

        /// <summary>glibc: static TLS the host's own dlopen'ed TLS users (the .NET runtime on aarch64) took before user code.</summary>
        public long TakenByHostBytes { get; init; }

        /// <summary>glibc: the surplus S added after the startup modules.</summary>
        public long SurplusBytes { get; init; }

        /// <summary>glibc 2.32+: glibc.rtld.optional_static_tls in effect (the part TLSDESC users may take).</summary>
        public long OptionalBytes { get; init; }

        /// <summary>glibc 2.32+: glibc.rtld.nns in effect.</summary>
        public int Namespaces { get; init; }

        /// <summary>glibc: the static TLS alignment fixed at startup (the largest p_align a dlopen'd block may have).</summary>
        public long StaticAlign { get; init; }

        /// <summary>glibc: libc.so.6's PT_TLS block the startup layout used.</summary>
        public StaticBlock? LibcBlock { get; init; }

        /// <summary>glibc: true when libc.so.6 was read from the target; false when a measured row stood in for it.</summary>
        public bool LibcBlockRead { get; init; }

        /// <summary>glibc before 2.22: the TLS module id of the culprit (above DTV_SURPLUS 14).</summary>
        public int? ModuleId { get; init; }

        /// <summary>The first block that does not fit (or is over-aligned, or has no ELF TLS): the module the loader's error names.</summary>
        public StaticTlsConsumer? Culprit { get; init; }

        /// <summary>The blocks counted, each module once, in load order.</summary>
        public IReadOnlyList<StaticTlsConsumer> Counted { get; init; } = new StaticTlsConsumer[0];

        /// <summary>glibc 2.32+: the GLIBC_TUNABLES setting under which the blocks fit (or at least load), computed with this model.</summary>
        public TunableRemedy? Tunable { get; init; }

        /// <summary>FreeBSD: the LD_STATIC_TLS_EXTRA value under which the blocks fit wherever the startup TLS ends.</summary>
        public long? StaticTlsExtra { get; init; }
    }
}
