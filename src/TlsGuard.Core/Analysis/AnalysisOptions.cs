using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>How to judge a set of libraries: which C library, where to find dependencies, what the host loads at startup.</summary>
    public sealed class AnalysisOptions
    {
        /// <summary>
        /// "glibc", "glibc-2.28", "musl", "bionic", "freebsd"; null or empty: follow each library's RID
        /// (linux-musl-* -> musl, android-* -> bionic, freebsd-* -> FreeBSD, anything else -> glibc).
        /// </summary>
        public string? TargetLibc { get; init; }

        /// <summary>The RID of the build (dotnet build/publish -r), used when an input carries none.</summary>
        public string? RuntimeIdentifier { get; init; }

        /// <summary>Extra folders to resolve DT_NEEDED from (TlsGuardSearchPaths, --search).</summary>
        public IReadOnlyList<string> SearchPaths { get; init; } = new string[0];

        /// <summary>A sysroot whose lib folders are searched after the search paths (cross builds).</summary>
        public string? Sysroot { get; init; }

        /// <summary>Sonames the host process has loaded before any P/Invoke; null = the dotnet host's set.</summary>
        public IReadOnlyList<string>? StartupLibraries { get; init; }

        /// <summary>glibc.rtld.optional_static_tls as the application will run with it; null = the default 512.</summary>
        public long? OptionalStaticTls { get; init; }
    }
}
