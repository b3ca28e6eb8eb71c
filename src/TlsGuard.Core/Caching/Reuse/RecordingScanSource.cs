using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Caching
{
    /// <summary>A scan source that records each scanned file's status (taken before the scan) with the analysis' other probes.</summary>
    public sealed class RecordingScanSource : IScanSource
    {
        private readonly IScanSource _inner;
        private readonly ProbeRecorder _recorder;

        public RecordingScanSource(IScanSource inner, ProbeRecorder recorder)
        {
            _inner = inner;
            _recorder = recorder;
        }

        public IReadOnlyList<ElfScanResult> Scan(string path)
        {
            _recorder.Ask(ProbeKind.Scan, path);
            return _inner.Scan(path);
        }
    }
}
