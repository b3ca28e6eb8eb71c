namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// A file to scan that a folder walk or a named path produced. <see cref="Error"/> is set when the walk already
    /// knows the file (or a folder) cannot be read: it is reported like any unreadable file, never dropped.
    /// </summary>
    public sealed record DiscoveredFile(string Path, string? Error);
}
