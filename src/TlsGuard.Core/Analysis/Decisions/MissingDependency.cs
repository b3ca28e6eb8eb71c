using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>A DT_NEEDED name found in none of the places the loader would look: TLS005.</summary>
    /// <param name="Input">The analysed library whose closure needs it.</param>
    /// <param name="Requester">The module whose DT_NEEDED names it.</param>
    /// <param name="RequesterChain">The names from the analysed library down to the requester; empty when the analysed library asks itself.</param>
    /// <param name="Needed">The missing name.</param>
    /// <param name="Searched">The places searched, in order.</param>
    public sealed record MissingDependency(LibraryInput Input, string Requester, IReadOnlyList<string> RequesterChain, string Needed, IReadOnlyList<string> Searched)
        : Decision(Input);
}
