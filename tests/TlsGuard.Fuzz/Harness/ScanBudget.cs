namespace TlsGuard.Fuzz.Harness
{
    /// <summary>
    /// What one scan may cost (issue 12: at most 64 MB of managed allocation for any file up to 16 MB, work linear in
    /// the bytes read). Reads are bounded by <see cref="ReadFactor"/> times the file size plus a constant. The constant
    /// covers the fixed read windows (64 KiB bulk, 4 KiB small, 1 KiB for archive headers) on tiny files. The factor is
    /// what the scanner's design legitimately costs per byte: an object file's symbol walk and its name lookups share
    /// the 4 KiB window, so each symbol (16 bytes in ELF32) can refill it twice, 2 × 4096 / 16 = 512 bytes read per
    /// byte of symbol table; 1024 leaves room for a second pass. Ten headers over one table already exceed it.
    /// </summary>
    internal sealed record ScanBudget(long AllocationBytes, long ReadFactor, long ReadConstant)
    {
        public const long LargestBudgetedInput = 16L * 1024 * 1024;

        public static ScanBudget Default { get; } = new ScanBudget(64L * 1024 * 1024, 1024, 4L * 1024 * 1024);

        public long ReadLimit(long inputLength) => ReadFactor * inputLength + ReadConstant;
    }
}
