using System.Collections.Generic;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Analysis
{
    /// <summary>How to judge a set of libraries: which C library, where to find dependencies, what the host loads at startup.</summary>
    public sealed record AnalysisOptions
    {
        /// <summary>
        /// "glibc", "glibc-2.28", "musl", "bionic", "bionic-28", "freebsd"; null or empty: follow each library's RID
        /// (linux-musl-* -> musl, android-* -> bionic, freebsd-* -> FreeBSD, anything else -> glibc). glibc without a
        /// version is judged over every release the .NET runtime supports (the worst case) unless the sysroot's
        /// libc.so.6 says which.
        /// </summary>
        public string? TargetLibc { get; init; }

        /// <summary>The RID of the build (dotnet build/publish -r), used when an input carries none.</summary>
        public string? RuntimeIdentifier { get; init; }

        /// <summary>Extra folders to resolve DT_NEEDED from (TlsGuardSearchPaths, --search).</summary>
        public IReadOnlyList<string> SearchPaths { get; init; } = new string[0];

        /// <summary>A sysroot whose lib folders are searched after the search paths (cross builds).</summary>
        public string? Sysroot { get; init; }

        /// <summary>Sonames (shell patterns: * and ?) the host process has loaded before any P/Invoke; null = the host kind's own set (<see cref="StartupSet"/>).</summary>
        public IReadOnlyList<string>? StartupLibraries { get; init; }

        /// <summary>
        /// Static TLS the host's startup modules use before any dlopen (glibc's dl_tls_static_used at startup, U0), when
        /// known from elsewhere; null = laid out from the host's startup modules and the judged glibc release (184 bytes
        /// for the dotnet host on x86_64 with glibc 2.36, 224 with 2.41; 144 for a C program linking only libc).
        /// </summary>
        public long? StartupStaticTlsBytes { get; init; }

        /// <summary>Where inputs are read and dependencies looked for: the disk, or an archive's or image's inside.</summary>
        public IFileSystem FileSystem { get; init; } = DiskFileSystem.Instance;

        /// <summary>glibc.rtld.optional_static_tls as the application will run with it; null = the default 512. An alias of the same setting in <see cref="GlibcTunables"/>.</summary>
        public long? OptionalStaticTls { get; init; }

        /// <summary>GLIBC_TUNABLES as the application will run with it ("glibc.rtld.optional_static_tls=N:glibc.rtld.nns=M").</summary>
        public string? GlibcTunables { get; init; }

        /// <summary>The kind of process that loads the libraries.</summary>
        public HostKind Host { get; init; } = HostKind.Dotnet;

        /// <summary>Whether this machine's library folders resolve DT_NEEDED names.</summary>
        public SystemLibraries SystemLibraries { get; init; } = SystemLibraries.Auto;

        /// <summary>
        /// A .NET runtime pack (runtimes/&lt;rid&gt;/native inside) or shared runtime folder whose native libraries are the
        /// host's own (their PT_TLS and TLS relocation kinds are read); used for the machine its libraries are built for.
        /// Null: the measured .NET 10.0.12 figures.
        /// </summary>
        public string? RuntimePack { get; init; }

        /// <summary>
        /// The app's minimum Android API level (SupportedOSPlatformVersion of an android TFM): it makes an unversioned bionic
        /// target (an android-* RID) bionic-N. Null: the lowest level .NET supports (21) is judged.
        /// </summary>
        public int? AndroidApiLevel { get; init; }

        /// <summary>
        /// How many input files are read at once. The scan of one file is independent of every other, and the answer is
        /// the same for any value; the file system must then answer from several threads (the disk does; an archive's
        /// spill file is read by one reader at a time). 1 (the default, and the MSBuild task's: MSBuild already builds
        /// projects side by side) reads them in order.
        /// </summary>
        public int ScanThreads { get; init; } = 1;

        /// <summary>The tunables in effect: <see cref="GlibcTunables"/> with <see cref="OptionalStaticTls"/> on top.</summary>
        public GlibcTunables Tunables => Analysis.GlibcTunables.Parse(GlibcTunables).With(new GlibcTunables(null, OptionalStaticTls));
    }
}
