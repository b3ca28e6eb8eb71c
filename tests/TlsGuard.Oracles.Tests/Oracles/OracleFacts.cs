namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>PT_TLS as p_memsz, p_align, p_filesz.</summary>
    public sealed record TlsSegment(ulong Size, ulong Align, ulong FileSize);

    /// <summary>
    /// The facts two readers can be compared on, one file (or archive member) each. A null member means the reader
    /// had no opinion on it (ELFSharp without section headers has no dynamic table, for example), which the
    /// comparison treats differently from an empty answer.
    /// </summary>
    public sealed record DynamicFacts(
        string? Soname,
        IReadOnlyList<string> Needed,
        IReadOnlyList<string> Runpath,
        IReadOnlyList<string> Rpath,
        bool DfStaticTls);
}
