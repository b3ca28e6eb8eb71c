namespace TlsGuard.Fuzz.Harness
{
    /// <summary>A worst case seen during a run: its value and the input that produced it.</summary>
    internal sealed record Worst(double Value, string Origin, long InputLength)
    {
        /// <summary>The input itself, kept for the worst time so it can be timed again alone.</summary>
        public byte[]? Input { get; init; }
    }

    /// <summary>A defect found during a run: the violations and the input (saved to the output folder when there is one).</summary>
    internal sealed record Finding(string Origin, IReadOnlyList<Violation> Violations, string? SavedAs);

    /// <summary>What a campaign or a replay measured.</summary>
    internal sealed class CampaignReport
    {
        public long Inputs { get; set; }
        public long ScannedWithoutError { get; set; }
        public long Rejected { get; set; }
        public long FileEntryChecks { get; set; }
        public TimeSpan Elapsed { get; set; }
        public TimeSpan ScanTime { get; set; }
        public long TotalInputBytes { get; set; }
        public Worst WorstTime { get; set; } = new(0, "", 0);
        public Worst WorstAllocation { get; set; } = new(0, "", 0);
        public Worst WorstReadFactor { get; set; } = new(0, "", 0);
        public List<Finding> Findings { get; } = new();
        public SortedDictionary<string, long> RejectionReasons { get; } = new(StringComparer.Ordinal);

        /// <summary>How often each mutator's edit made it into an input (from the origin "fixture + edit, edit").</summary>
        public SortedDictionary<string, long> EditsApplied { get; } = new(StringComparer.Ordinal);

        public double InputsPerSecond => Elapsed.TotalSeconds > 0 ? Inputs / Elapsed.TotalSeconds : 0;

        /// <summary>The worst-time input scanned again five times after the run, fastest of them: wall time on a shared
        /// machine includes other people's work and GC pauses, the re-timing shows what the input itself costs.</summary>
        public double? WorstTimeRetimed { get; set; }

        public void Observe(ScanMeasurement m, string origin, byte[] input)
        {
            Inputs++;
            int plus = origin.IndexOf(" + ", StringComparison.Ordinal);
            if (plus >= 0)
            {
                foreach (string edit in origin.Substring(plus + 3).Split(", ", StringSplitOptions.RemoveEmptyEntries))
                {
                    EditsApplied[edit] = EditsApplied.GetValueOrDefault(edit) + 1;
                }
            }

            ScanTime += m.Elapsed;
            TotalInputBytes += m.InputLength;
            if (m.Elapsed.TotalMilliseconds > WorstTime.Value)
            {
                WorstTime = new Worst(m.Elapsed.TotalMilliseconds, origin, m.InputLength) { Input = input };
            }

            if (m.AllocatedBytes > WorstAllocation.Value)
            {
                WorstAllocation = new Worst(m.AllocatedBytes, origin, m.InputLength);
            }

            double factor = m.InputLength == 0 ? 0 : (double)m.BytesRead / m.InputLength;
            if (factor > WorstReadFactor.Value)
            {
                WorstReadFactor = new Worst(factor, origin, m.InputLength);
            }

            foreach (var result in m.Results)
            {
                if (result.Error == null)
                {
                    ScannedWithoutError++;
                }
                else
                {
                    Rejected++;
                    string reason = new string(result.Error.TakeWhile(c => !char.IsDigit(c) && c != '[' && c != '(').ToArray()).Trim();
                    RejectionReasons[reason] = RejectionReasons.GetValueOrDefault(reason) + 1;
                }
            }
        }

        public IEnumerable<string> Lines()
        {
            yield return $"inputs: {Inputs} in {Elapsed.TotalSeconds:F1} s ({InputsPerSecond:F0} inputs/s; scanning alone {ScanTime.TotalSeconds:F1} s), {TotalInputBytes / (1024.0 * 1024.0):F1} MiB";
            yield return $"results: {ScannedWithoutError} read, {Rejected} rejected with a documented error; {FileEntryChecks} inputs also scanned from a file";
            yield return $"worst time: {WorstTime.Value:F2} ms, re-timed alone {WorstTimeRetimed ?? 0:F2} ms ({WorstTime.InputLength} bytes: {WorstTime.Origin})";
            yield return $"worst allocation: {WorstAllocation.Value / 1024.0:F0} KiB ({WorstAllocation.InputLength} bytes: {WorstAllocation.Origin})";
            yield return $"worst bytes read / input size: {WorstReadFactor.Value:F1} ({WorstReadFactor.InputLength} bytes: {WorstReadFactor.Origin})";
            yield return $"findings: {Findings.Count}";
            foreach (Finding f in Findings)
            {
                yield return "  " + f.Origin + (f.SavedAs == null ? "" : " -> " + f.SavedAs);
                foreach (Violation v in f.Violations)
                {
                    yield return "    " + v;
                }
            }

            yield return "edits applied: " + string.Join(", ", EditsApplied.Select(e => e.Key + " " + e.Value));
            yield return "rejection reasons:";
            foreach (var reason in RejectionReasons.OrderByDescending(r => r.Value).Take(25))
            {
                yield return $"  {reason.Value,8} x {reason.Key}";
            }
        }
    }
}
