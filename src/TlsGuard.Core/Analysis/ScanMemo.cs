using System;
using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Scans each file once per analysis (the on-disk cache across builds is Caching.ScanCache); a scan source that throws is turned into an unreadable result.</summary>
    internal sealed class ScanMemo
    {
        private readonly IScanSource _source;
        private readonly Dictionary<string, IReadOnlyList<ElfScanResult>> _results = new Dictionary<string, IReadOnlyList<ElfScanResult>>(StringComparer.Ordinal);

        public ScanMemo(IScanSource source)
        {
            _source = source;
        }

        public IReadOnlyList<ElfScanResult> Scan(string path)
        {
            if (_results.TryGetValue(path, out var cached))
            {
                return cached;
            }

            IReadOnlyList<ElfScanResult> results;
            try
            {
                results = _source.Scan(path) ?? new ElfScanResult[0];
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                results = new[] { new ElfScanResult { Path = path, Error = e.GetType().Name + ": " + e.Message } };
            }

            _results[path] = results;
            return results;
        }
    }
}
