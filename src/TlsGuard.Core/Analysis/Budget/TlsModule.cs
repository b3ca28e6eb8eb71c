using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>A module with a PT_TLS block that a dlopen maps (not one of the startup set), in mapping order: it gets the next TLS module id.</summary>
    /// <param name="Name">The soname, else the file name.</param>
    /// <param name="Path">The file.</param>
    /// <param name="Block">Its PT_TLS block.</param>
    /// <param name="Access">How its relocations reach its own block.</param>
    /// <param name="Chain">Names from the analysed library down to this module.</param>
    /// <param name="Relocations">Its TLS relocations (static and dynamic) by readelf type name.</param>
    public sealed record TlsModule(
        string Name, string Path, StaticBlock Block, TlsAccessKind Access, IReadOnlyList<string> Chain, IReadOnlyDictionary<string, int> Relocations);
}
