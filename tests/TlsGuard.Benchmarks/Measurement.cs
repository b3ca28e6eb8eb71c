using System.Diagnostics;

namespace TlsGuard.Benchmarks
{
    /// <summary>Wall time and bytes allocated on this thread for one timed action.</summary>
    internal readonly struct Measurement
    {
        private Measurement(TimeSpan elapsed, long allocated)
        {
            Elapsed = elapsed;
            Allocated = allocated;
        }

        public TimeSpan Elapsed { get; }
        public long Allocated { get; }

        public static Measurement Of(Action action)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            return new Measurement(watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0") + " MiB";

        public static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.0") + " ms";
    }
}
