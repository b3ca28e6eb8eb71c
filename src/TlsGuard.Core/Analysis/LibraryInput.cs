namespace TlsGuard.Core.Analysis
{
    /// <summary>A file to check, with where it came from (the MSBuild task fills the package fields from item metadata).</summary>
    public sealed record LibraryInput(string Path)
    {
        public string? PackageId { get; init; }
        public string? PackageVersion { get; init; }

        /// <summary>The RID the asset belongs to (runtimes/&lt;rid&gt;/native), when known; it picks the C library.</summary>
        public string? RuntimeIdentifier { get; init; }

        /// <summary>The path inside the package or output (DestinationSubPath / RelativePath), for messages and fingerprints.</summary>
        public string? RelativePath { get; init; }

        /// <summary>TlsGuardSuppress="true" on the item: still part of the load set (its TLS takes room), but nothing is reported about it.</summary>
        public bool Suppressed { get; init; }

        public string FileName => PathText.FileName(Path);

        /// <summary>
        /// The C library the input's container names, when it names one: "glibc-2.17" (a manylinux_2_17 or manylinux2014
        /// wheel), "musl" (musllinux wheel, image with ld-musl), "bionic" (.apk/.aar), "glibc" (an image with libc.so.6,
        /// whose version is read from that file). Null when the container says nothing (choose from the RID and options).
        /// </summary>
        public string? TargetLibcHint { get; init; }

        /// <summary>
        /// The root file system the input runs in, when it was found in a container image or a root-file-system tar
        /// ("/abs/img.tar!"): its DT_NEEDED, ld.so.conf and C library are that tree's, not the machine's.
        /// </summary>
        public string? Sysroot { get; init; }
    }
}
