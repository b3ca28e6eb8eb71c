using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The plain scanner: reads each file with <see cref="ElfScanner"/>, no cache.</summary>
    public sealed class DefaultScanSource : IScanSource
    {
        public IReadOnlyList<ElfScanResult> Scan(string path) => ElfScanner.Scan(path);
    }
}
