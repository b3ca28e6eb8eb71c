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

        /// <summary>glibc.rtld.optional_static_tls that makes it load, or null where no tunable helps.</summary>
        public long? OptionalStaticTls { get; init; }

        /// <summary>Object code not linked yet: only the build fix applies.</summary>
        public bool ObjectCode { get; init; }

        /// <summary>The exact environment setting to paste, or null.</summary>
        public string? GlibcTunables => OptionalStaticTls.HasValue && Libc.IsGlibc && !Libc.IsGlibcBefore(2, 32)
            ? RemedyAdvisor.TunablePrefix + OptionalStaticTls.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
