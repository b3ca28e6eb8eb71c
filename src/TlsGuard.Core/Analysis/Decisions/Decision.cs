namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Something analysis decided about an input, as data: what the finding factory turns into a diagnostic. Decisions carry
    /// no text; <see cref="Describe.FindingFactory"/> writes every word.
    /// </summary>
    public abstract record Decision(LibraryInput Input);
}
