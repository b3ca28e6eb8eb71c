using SharpFuzz;
using TlsGuard.Fuzz.Harness;

namespace TlsGuard.Fuzz
{
    /// <summary>
    /// The afl++ target (scripts/fuzz-afl.sh): each input afl-fuzz hands over on stdin is scanned once, and anything
    /// the harness counts as a defect is thrown, which SharpFuzz reports to afl-fuzz as a crash. A scan that never ends
    /// shows up as afl-fuzz's hang (its -t timeout). Coverage comes from TlsGuard.Core.dll instrumented by `sharpfuzz`.
    /// </summary>
    internal static class AflTarget
    {
        public static void Run()
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                ScanMeasurement measurement = ScanProbe.Measure(copy.ToArray());
                List<Violation> violations = ScanJudge.Judge(measurement, ScanBudget.Default);
                if (violations.Count > 0)
                {
                    throw new ScanDefectException(string.Join("; ", violations));
                }
            });
        }
    }

    /// <summary>Thrown only to tell afl-fuzz that an input exposed a defect.</summary>
    internal sealed class ScanDefectException : Exception
    {
        public ScanDefectException(string message)
            : base(message)
        {
        }
    }
}
