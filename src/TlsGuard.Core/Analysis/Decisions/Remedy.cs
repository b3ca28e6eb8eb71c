using System.Globalization;
using TlsGuard.Core.Knowledge;

namespace TlsGuard.Core.Analysis
{
    /// <summary>What fixes a module that needs static TLS, as data: the module, what is known about it, the loader, and the setting that makes it load.</summary>
    public sealed record Remedy
    {
        /// <summary>Soname or file name of the module at fault.</summary>
        public string Module { get; init; } = "";

        /// <summary>The known-offender entry that matched, or null for the generic advice.</summary>
        public KnownOffender? Known { get; init; }

        /// <summary>The target C library (its loader decides which run-time workaround exists).</summary>
        public TargetLibc Libc { get; init; } = TargetLibc.Glibc;

        /// <summary>The loader rule that decided the verdict (the workaround depends on it); null when unknown.</summary>
        public BudgetRule? Rule { get; init; }

        /// <summary>The C library version (or worst range of versions) the verdict is for.</summary>
        public JudgedLibc? Judged { get; init; }

        /// <summary>glibc 2.32+: the GLIBC_TUNABLES setting the model computed (guaranteed to fit, or said to be at risk); null where no tunable helps.</summary>
        public TunableRemedy? Tunable { get; init; }

        /// <summary>FreeBSD: the LD_STATIC_TLS_EXTRA bytes that hold the set.</summary>
        public long? StaticTlsExtra { get; init; }

        /// <summary>Object code not linked yet: only the build fix applies.</summary>
        public bool ObjectCode { get; init; }

        /// <summary>The exact environment setting to paste ("GLIBC_TUNABLES=glibc.rtld.nns=9"), or null.</summary>
        public string? GlibcTunables => Tunable != null && Libc.IsGlibc && !Libc.IsGlibcBefore(2, 32) ? Tunable.Environment : null;

        /// <summary>The exact FreeBSD environment setting to paste ("LD_STATIC_TLS_EXTRA=2688"), or null.</summary>
        public string? LdStaticTlsExtra => StaticTlsExtra.HasValue && Libc.Kind == LibcKind.FreeBsd
            ? "LD_STATIC_TLS_EXTRA=" + StaticTlsExtra.Value.ToString(CultureInfo.InvariantCulture)
            : null;
    }
}
