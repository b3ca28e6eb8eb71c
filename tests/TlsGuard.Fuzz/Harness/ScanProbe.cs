using System.Diagnostics;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>
    /// Scans one input through the scanner's byte-source entry (the one ElfScanner.Scan(path) and Scan(byte[]) both
    /// end in) and measures it: allocation on this thread, bytes the scanner read, and the wall time (reported only,
    /// never asserted). The byte[] entry and the file entry are exercised by <see cref="ScanOnDisk"/>.
    /// </summary>
    internal static class ScanProbe
    {
        public const string DisplayPath = "fuzz-input";

        public static ScanMeasurement Measure(byte[] input) => Measure(new ArrayByteSource(input));

        /// <summary>Any source: crafted inputs too large to hold in memory come as sparse sources.</summary>
        public static ScanMeasurement Measure(IByteSource input)
        {
            var source = new CountingByteSource(input);
            var watch = Stopwatch.StartNew();
            long before = GC.GetAllocatedBytesForCurrentThread();
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(source, DisplayPath);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            watch.Stop();
            return new ScanMeasurement(results, source.Length, allocated, source.BytesRead, source.Reads, watch.Elapsed);
        }

        /// <summary>
        /// A file on disk (crafted inputs up to sparse 4 GiB archives) through the source the public path entry uses
        /// (<see cref="DiskFileSystem"/>: special files refused, nothing loaded): results carry <paramref name="path"/>,
        /// and the allocation includes opening the file.
        /// </summary>
        public static ScanMeasurement MeasureFile(string path)
        {
            var watch = Stopwatch.StartNew();
            long before = GC.GetAllocatedBytesForCurrentThread();
            using IByteSource file = DiskFileSystem.Instance.OpenRead(path, out string? refusal)
                ?? throw new IOException(path + ": " + refusal);
            var source = new CountingByteSource(file);
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(source, path);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            watch.Stop();
            return new ScanMeasurement(results, source.Length, allocated, source.BytesRead, source.Reads, watch.Elapsed);
        }

        /// <summary>The public entries: the in-memory one and the file one (through the disk file system).</summary>
        public static (IReadOnlyList<ElfScanResult> FromBytes, IReadOnlyList<ElfScanResult> FromFile) ScanOnDisk(byte[] input, string scratchFile)
        {
            File.WriteAllBytes(scratchFile, input);
            IReadOnlyList<ElfScanResult> fromFile = ElfScanner.Scan(scratchFile);
            IReadOnlyList<ElfScanResult> fromBytes = ElfScanner.Scan(input, scratchFile);
            return (fromBytes, fromFile);
        }
    }
}
