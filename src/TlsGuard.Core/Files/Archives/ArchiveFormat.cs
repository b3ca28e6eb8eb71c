namespace TlsGuard.Core.Files.Archives
{
    /// <summary>What a path's first bytes (or, for a folder, its oci-layout file) say it is.</summary>
    public enum ArchiveFormat
    {
        /// <summary>Not an archive: scan it as a file (or walk it as a folder).</summary>
        None,
        Zip,
        Tar,

        /// <summary>A gzip stream, read as a compressed tar (.tar.gz, .tgz, a gzip layer).</summary>
        GzipTar,

        /// <summary>A folder holding an OCI image layout (oci-layout, index.json, blobs/).</summary>
        OciLayout,

        /// <summary>An archive this reader cannot open (xz, bzip2, zstd): reported with the reason, never read.</summary>
        Unsupported,
    }
}
