using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>An object file or static archive whose code uses initial-exec or local-exec TLS: TLS003 (one per file, members summed).</summary>
    /// <param name="Input">The object file or archive.</param>
    /// <param name="Model">The strongest model any member selects.</param>
    /// <param name="FlaggedMembers">Archive members with such code, in archive order; empty for a plain object file.</param>
    /// <param name="ObjectCount">How many objects the file holds (1 for a plain object file).</param>
    /// <param name="Relocations">Relocation type name to count, over the flagged objects.</param>
    /// <param name="Symbols">The TLS symbols those relocations use, first seen first.</param>
    /// <param name="Remedy">The build fix (objects are not linked yet: no run-time workaround).</param>
    public sealed record StaticTlsObjectCode(
        LibraryInput Input,
        TlsAccessModel Model,
        IReadOnlyList<string> FlaggedMembers,
        int ObjectCount,
        IReadOnlyDictionary<string, int> Relocations,
        IReadOnlyList<string> Symbols,
        Remedy Remedy) : Decision(Input)
    {
        /// <summary>Some flagged objects select initial-exec and others local-exec (an archive of both).</summary>
        public bool MixesModels { get; init; }
    }
}
