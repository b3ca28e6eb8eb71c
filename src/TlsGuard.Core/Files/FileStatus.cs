namespace TlsGuard.Core.Files
{
    /// <summary>
    /// What a path names, looked at without opening it: its kind after following symbolic links, whether the path
    /// itself is a link, the size, times and identity of the file it leads to, and the reason when it cannot be used.
    /// </summary>
    public readonly record struct FileStatus(FileKind Kind, bool IsSymbolicLink, long Length, long LastWriteTimeUtcTicks, FileIdentity Identity, string? Error)
    {
        public static FileStatus Failed(FileKind kind, string error, bool isSymbolicLink = false) =>
            new FileStatus(kind, isSymbolicLink, 0, 0, default, error);
    }
}
