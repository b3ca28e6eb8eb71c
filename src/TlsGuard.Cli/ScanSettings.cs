using System.Collections.Generic;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Policy;

namespace TlsGuard.Cli
{
    /// <summary>A parsed `scan` command line.</summary>
    internal sealed record ScanSettings(
        IReadOnlyList<string> Paths,
        AnalysisOptions Options,
        PolicySettings Policy,
        string Format,
        string? OutputPath,
        bool NoColor,
        string? SourceRoot);
}
