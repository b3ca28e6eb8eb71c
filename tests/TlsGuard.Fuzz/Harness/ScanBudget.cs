namespace TlsGuard.Fuzz.Harness
{
    /// <summary>
    /// What one scan may cost (issue 12: at most 64 MB of managed allocation for any file up to 16 MB, work linear in
    /// the bytes read). Reads are bounded by <see cref="ReadFactor"/> times the file size plus a constant. The constant
    /// covers the fixed read windows (64 KiB bulk, 4 KiB small, 1 KiB for archive headers) on tiny files and the names a
    /// scan may examine (the name budget's 1 MiB base). The factor is what the scanner's design legitimately costs per
    /// byte. It was set on the earlier reader, whose object-file symbol walk shared one 4 KiB window with the names (244
    /// bytes read per byte of a 20,000-symbol table). The hardened walk streams (under 2 per byte); the costliest pattern
    /// left is relocations that each name a symbol of their own: each symbol and its name are looked up through the one
    /// small window, two refills per distinct symbol until the list's cap (147 per byte measured on an ELF64 object of
    /// 1,000 such symbols; about 8192 / (16 + 8 + 6) = 270 for ELF32 REL with short names). 1024 leaves that a margin of
    /// four, while a table read once per header, a name table per member, or a window per entry (the defects the
    /// regression tests keep) exceed it.
    /// </summary>
    internal sealed record ScanBudget(long AllocationBytes, long ReadFactor, long ReadConstant)
    {
        public const long LargestBudgetedInput = 16L * 1024 * 1024;

        public static ScanBudget Default { get; } = new ScanBudget(64L * 1024 * 1024, 1024, 4L * 1024 * 1024);

        public long ReadLimit(long inputLength) => ReadFactor * inputLength + ReadConstant;
    }
}
