namespace TlsGuard.Core.Analysis
{
    /// <summary>The static TLS all analysed libraries need together, against what the target C library reserves.</summary>
    public sealed class LoadBudget
    {
        public string Libc { get; init; } = "";
        public long ReserveBytes { get; init; }
        public long RequiredBytes { get; init; }
        public Verdict Verdict { get; init; }
    }
}
