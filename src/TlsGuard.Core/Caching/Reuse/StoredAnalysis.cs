using System.Collections.Generic;
using TlsGuard.Core.Describe;

namespace TlsGuard.Core.Caching
{
    /// <summary>One analysis kept between builds: its key, every question it asked the file system with the answer, and the result.</summary>
    /// <param name="Key">The <see cref="AnalysisKey"/> it was made under.</param>
    /// <param name="Probes">What it asked the file system, in the order first asked.</param>
    /// <param name="ScannedFiles">How many files it scanned (a reuse reports them as answered from the cache).</param>
    /// <param name="Analysis">The findings and flagged libraries.</param>
    public sealed record StoredAnalysis(string Key, IReadOnlyList<FileProbe> Probes, int ScannedFiles, DescribedAnalysis Analysis);
}
