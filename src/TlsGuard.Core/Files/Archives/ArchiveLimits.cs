namespace TlsGuard.Core.Files.Archives
{
    /// <summary>
    /// Bounds on what reading an archive may cost, so that a hostile archive or image gets a clear error instead of
    /// exhausting memory, disk or time. The defaults fit real packages and images (a CUDA wheel, a 10 GB image).
    /// </summary>
    public sealed class ArchiveLimits
    {
        private const long MiB = 1024 * 1024;

        /// <summary>
        /// Bytes of file contents kept in memory per file system: the ELF files, ar archives and loader configuration
        /// read from a compressed or streamed archive (where they cannot be re-read later), and zip members inflated on demand.
        /// </summary>
        public long MemoryBytes { get; init; } = 256 * MiB;

        /// <summary>Bytes kept beyond <see cref="MemoryBytes"/> in the one temporary spill file; past it, files are reported as not kept.</summary>
        public long SpillBytes { get; init; } = 16L * 1024 * MiB;

        /// <summary>The largest single file that is inflated or kept (a declared size above it is reported, not read).</summary>
        public long MaxFileBytes { get; init; } = 4L * 1024 * MiB;

        /// <summary>Entries per archive, all layers together; the index of each costs memory even when its data is skipped.</summary>
        public int MaxEntries { get; init; } = 1_000_000;

        /// <summary>Symbolic links followed while resolving one path, as Linux's MAXSYMLINKS (40) before ELOOP.</summary>
        public int MaxLinkHops { get; init; } = 40;

        /// <summary>The largest manifest, index, configuration blob, pax header or loader configuration file read as text.</summary>
        public int MaxMetadataBytes { get; init; } = 4 * 1024 * 1024;

        /// <summary>The longest member name or link target accepted (PATH_MAX).</summary>
        public int MaxPathLength { get; init; } = 4096;
    }
}
