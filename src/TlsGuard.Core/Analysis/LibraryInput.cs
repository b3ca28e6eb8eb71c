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
    }
}
