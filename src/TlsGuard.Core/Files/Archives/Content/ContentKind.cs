namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>What a member's leading bytes say it is; only ELF files and ar archives are scanned.</summary>
    internal enum ContentKind
    {
        /// <summary>Not read yet, or unreadable.</summary>
        Unknown,
        Elf,
        ArArchive,
        Other,
    }
}
