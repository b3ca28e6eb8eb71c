namespace TlsGuard.Core.Files
{
    /// <summary>What a path names once symbolic links are followed.</summary>
    public enum FileKind
    {
        Missing,
        RegularFile,
        Directory,

        /// <summary>A FIFO, socket or device: never opened, because a read may block forever or never end.</summary>
        Special,

        /// <summary>It exists but its type could not be determined (permission, a link loop, a path too long).</summary>
        Unreadable,
    }
}
