using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Puts the errors a folder walk met (<see cref="DiscoveredFile.Error"/>) in front of a scan source: those paths
    /// come back as unreadable results with that error, so they reach every report format like any bad file.
    /// </summary>
    public sealed class DiscoveryScanSource : IScanSource
    {
        private readonly IScanSource inner;
        private readonly Dictionary<string, string> errors = new Dictionary<string, string>(StringComparer.Ordinal);

        public DiscoveryScanSource(IEnumerable<DiscoveredFile> discovered, IScanSource inner)
        {
            this.inner = inner;
            foreach (DiscoveredFile file in discovered)
            {
                if (file.Error != null)
                {
                    errors[file.Path] = file.Error;
                }
            }
        }

        public IReadOnlyList<ElfScanResult> Scan(string path) =>
            errors.TryGetValue(path, out string? error) ? new[] { ScanResultBuilder.Failure(path, null, error) } : inner.Scan(path);
    }
}
