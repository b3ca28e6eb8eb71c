namespace TlsGuard.Fuzz.Harness
{
    /// <summary>
    /// What one scan may cost (issue 12: at most 64 MB of managed allocation for any file up to 16 MB, work linear in
    /// the bytes read). Reads are bounded by <see cref="ReadFactor"/> times the file size plus a constant: the
    /// constant covers the fixed read windows (a 64 KiB bulk window, a 4 KiB one, 1 KiB for archive headers), the
    /// factor the scattered lookups that legitimately revisit a table (symbol and string lookups per relocation).
    /// </summary>
    internal sealed record ScanBudget(long AllocationBytes, long ReadFactor, long ReadConstant)
    {
        public const long LargestBudgetedInput = 16L * 1024 * 1024;

        public static ScanBudget Default { get; } = new ScanBudget(64L * 1024 * 1024, 256, 4L * 1024 * 1024);

        public long ReadLimit(long inputLength) => ReadFactor * inputLength + ReadConstant;
    }
}
