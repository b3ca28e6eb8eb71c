using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The static TLS the analysed libraries of one C library and machine need together, against what that loader reserves.</summary>
    public sealed record LoadBudget
    {
        public TargetLibc Libc { get; init; } = TargetLibc.Glibc;

        /// <summary>The ELF machine of the set (libraries of different machines never load together).</summary>
        public ElfPlatform Platform { get; init; }

        public Verdict Verdict { get; init; }
        public long ReserveBytes { get; init; }
        public long RequiredBytes { get; init; }

        /// <summary>The part of the reserve TLSDESC users cannot take first (glibc 2.32+); 0 where nothing is guaranteed.</summary>
        public long GuaranteedBytes { get; init; }

        /// <summary>What the loader does with the whole set: the rule, the C library version (or worst range) and the host the figures are for.</summary>
        public BudgetOutcome Outcome { get; init; } = new BudgetOutcome();

        /// <summary>The input libraries of this C library and machine, in input order.</summary>
        public IReadOnlyList<string> Libraries { get; init; } = new string[0];

        /// <summary>Every static-TLS block the set needs, each module once, in load order.</summary>
        public IReadOnlyList<StaticTlsConsumer> Consumers { get; init; } = new StaticTlsConsumer[0];

        /// <summary>The fix for the whole set (its GLIBC_TUNABLES or LD_STATIC_TLS_EXTRA holds every library), when the loader has a knob that helps.</summary>
        public Remedy? Remedy { get; init; }
    }
}
