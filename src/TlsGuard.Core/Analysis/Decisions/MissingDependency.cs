using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>A DT_NEEDED name found in none of the places the loader would look: TLS005, once per name.</summary>
    /// <param name="Input">The first analysed library whose closure needs it.</param>
    /// <param name="Requester">The module whose DT_NEEDED names it, in that first closure.</param>
    /// <param name="RequesterChain">The names from the analysed library down to the requester; empty when the analysed library asks itself.</param>
    /// <param name="Needed">The missing name.</param>
    /// <param name="Searched">The places searched, in order.</param>
    public sealed record MissingDependency(LibraryInput Input, string Requester, IReadOnlyList<string> RequesterChain, string Needed, IReadOnlyList<string> Searched)
        : Decision(Input)
    {
        /// <summary>The other analysed libraries that need the same name.</summary>
        public IReadOnlyList<LibraryInput> AlsoNeededBy { get; init; } = new LibraryInput[0];

        /// <summary>Whether the system's folders were searched, and if not why (the message names the setting that changes it).</summary>
        public SystemSearchState SystemSearch { get; init; }

        /// <summary>The target the name was looked up for.</summary>
        public LoadTarget? Target { get; init; }

        /// <summary>The requester's machine, class and byte order: what a candidate had to match.</summary>
        public Elf.ElfPlatform Platform { get; init; }
    }
}
