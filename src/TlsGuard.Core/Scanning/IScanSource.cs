using System.Collections.Generic;

namespace TlsGuard.Core.Scanning
{
    /// <summary>Where analysis gets scan results from: the plain scanner, or a cache in front of it (MSBuild task).</summary>
    public interface IScanSource
    {
        /// <summary>Never throws; unreadable files come back as results with an Error.</summary>
        IReadOnlyList<ElfScanResult> Scan(string path);
    }
}
