namespace TlsGuard.Core.Caching
{
    /// <summary>What an analysis asked the file system about one path (<see cref="FileProbe"/>).</summary>
    public enum ProbeKind
    {
        /// <summary>What the path names (IFileSystem.KindOf): a candidate dependency, a folder; missing ones count too.</summary>
        Kind,

        /// <summary>Its full status: kind, size, times and identity (IFileSystem.Status).</summary>
        Status,

        /// <summary>A folder's entries (IFileSystem.List): ld.so.conf.d, a runtime pack.</summary>
        Listing,

        /// <summary>A file whose content was read (IFileSystem.OpenRead: ld.so.conf, ld-musl-ARCH.path): its status when opened.</summary>
        Content,

        /// <summary>A file that was scanned: its status before the scan.</summary>
        Scan,
    }
}
