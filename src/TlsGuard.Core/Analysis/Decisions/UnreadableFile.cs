namespace TlsGuard.Core.Analysis
{
    /// <summary>A file (or an archive member) that could not be read as ELF: TLS004. The reason is the scanner's.</summary>
    public sealed record UnreadableFile(LibraryInput Input, string Reason) : Decision(Input);
}
