using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The static TLS all analysed libraries need together, against what the target C library reserves.</summary>
    public sealed class LoadBudget
    {
        public string Libc { get; init; } = "";
        public long ReserveBytes { get; init; }
        public long RequiredBytes { get; init; }
        public Verdict Verdict { get; init; }

        /// <summary>The ELF machine of the set (libraries of different machines never load together).</summary>
        public ElfPlatform Platform { get; init; }

        /// <summary>The part of the reserve TLSDESC users cannot take first (glibc 2.32+); 0 where nothing is guaranteed.</summary>
        public long GuaranteedBytes { get; init; }

        /// <summary>The input libraries of this C library and machine, in input order.</summary>
        public IReadOnlyList<string> Libraries { get; init; } = new string[0];

        /// <summary>Every static-TLS block the set needs, each module once, in load order.</summary>
        public IReadOnlyList<StaticTlsConsumer> Consumers { get; init; } = new StaticTlsConsumer[0];

        /// <summary>GLIBC_TUNABLES=glibc.rtld.optional_static_tls=N that makes the whole set load, when the tunable can help.</summary>
        public string? GlibcTunables { get; init; }
    }
}
