using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Libraries that each load alone but not together in one process: TLS006, filed on the one whose block does not fit.</summary>
    /// <param name="Input">The library loaded when the reserve runs out.</param>
    /// <param name="Libc">The target C library of the set.</param>
    /// <param name="Platform">The machine of the set.</param>
    /// <param name="Members">The libraries of the set with the static TLS each brings, in load order.</param>
    /// <param name="Budget">What the loader does with their blocks together.</param>
    /// <param name="Largest">The largest block: fixing it helps most.</param>
    /// <param name="Remedy">The fix for the largest block, with the set's tunable.</param>
    public sealed record SetOverflow(
        LibraryInput Input,
        TargetLibc Libc,
        ElfPlatform Platform,
        IReadOnlyList<SetMember> Members,
        BudgetOutcome Budget,
        StaticTlsConsumer Largest,
        Remedy Remedy) : Decision(Input);

    /// <summary>One library of an overflowing set and the static TLS its closure brings.</summary>
    public sealed record SetMember(string Name, long Bytes);
}
