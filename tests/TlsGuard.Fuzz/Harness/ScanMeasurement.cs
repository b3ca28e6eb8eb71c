using TlsGuard.Core.Scanning;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>One scan of one input: its results and what it cost.</summary>
    internal sealed record ScanMeasurement(
        IReadOnlyList<ElfScanResult> Results,
        long InputLength,
        long AllocatedBytes,
        long BytesRead,
        long Reads,
        TimeSpan Elapsed);
}
