namespace TlsGuard.Core.Files.Archives.Tar
{
    /// <summary>One member as written in the archive: its name is raw (normalise before use), its data follows.</summary>
    internal sealed class TarEntry
    {
        public TarEntry(string name, TarEntryType type, long size, string linkName, string? problem = null)
        {
            Name = name;
            Type = type;
            Size = size;
            LinkName = linkName;
            Problem = problem;
        }

        public string Name { get; }
        public TarEntryType Type { get; }

        /// <summary>Bytes of data following the header (0 for links, folders and devices).</summary>
        public long Size { get; }

        /// <summary>The target of a symbolic or hard link.</summary>
        public string LinkName { get; }

        /// <summary>Why this member cannot be used (its name is shortened for the report), when it cannot.</summary>
        public string? Problem { get; }
    }
}
