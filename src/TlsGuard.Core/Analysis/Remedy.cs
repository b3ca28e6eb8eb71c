namespace TlsGuard.Core.Analysis
{
    /// <summary>What to do about a library that needs static TLS.</summary>
    public sealed class Remedy
    {
        /// <summary>The known offender's name ("jemalloc"), or null for the generic advice.</summary>
        public string? KnownLibrary { get; init; }

        /// <summary>The permanent fix: how to rebuild the library ("./configure --disable-initial-exec-tls").</summary>
        public string BuildFix { get; init; } = "";

        /// <summary>The run-time workaround (LD_PRELOAD, load order), set before the process starts.</summary>
        public string RuntimeWorkaround { get; init; } = "";

        /// <summary>GLIBC_TUNABLES=glibc.rtld.optional_static_tls=N that makes the set load, or null where no tunable helps.</summary>
        public string? GlibcTunables { get; init; }

        /// <summary>One line for messages and the analyzer.</summary>
        public string Summary { get; init; } = "";
    }
}
