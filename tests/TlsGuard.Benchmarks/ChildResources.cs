using System.Runtime.InteropServices;

namespace TlsGuard.Benchmarks
{
    /// <summary>
    /// getrusage(RUSAGE_CHILDREN): the peak resident set of the largest child process waited for so far. A child's
    /// own Process.PeakWorkingSet64 is gone once it exits, so this is how readelf's peak is measured.
    /// </summary>
    internal static class ChildResources
    {
        private const int RusageChildren = -1;

        // struct rusage on 64-bit Linux: two struct timeval (16 bytes each), then ru_maxrss in kilobytes.
        private const int MaxRssOffset = 32;
        private const int RusageSize = 144;

        public static long PeakChildResidentBytes()
        {
            var buffer = new byte[RusageSize];
            if (getrusage(RusageChildren, buffer) != 0)
            {
                throw new InvalidOperationException("getrusage failed: " + Marshal.GetLastPInvokeError());
            }

            return BitConverter.ToInt64(buffer, MaxRssOffset) * 1024;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrusage(int who, byte[] usage);
    }
}
