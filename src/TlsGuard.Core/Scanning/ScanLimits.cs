namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// How much of each list one scan result keeps (docs/json-schema.md states them). Every capped list has a total
    /// beside it (<c>NeededTotal</c> ...), so a file with more entries than kept is never silently cut short. The caps
    /// are far above what real libraries have (libc.so.6: 1 DT_NEEDED, 47 version definitions) and bound what a
    /// hostile file can make a report or the scan cache carry.
    /// </summary>
    public static class ScanLimits
    {
        public const int Needed = 1024;
        public const int SearchPathEntries = 256;
        public const int StaticTlsSymbols = 1024;
        public const int DefinedTlsSymbols = 1024;
        public const int VersionRequirements = 256;
        public const int VersionsPerRequirement = 256;
        public const int VersionDefinitions = 1024;
        public const int VersionedImports = 1024;

        /// <summary>Longest file name, path or version name read (PATH_MAX); a longer one makes the scan fail.</summary>
        public const int PathBytes = 4096;

        /// <summary>Longest symbol name or search-path list read; a longer one makes the scan fail.</summary>
        public const int SymbolBytes = 16384;
    }
}
