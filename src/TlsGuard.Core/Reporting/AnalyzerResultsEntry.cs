using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Reporting
{
    /// <summary>One line of the analyzer results file.</summary>
    public sealed class AnalyzerResultsEntry
    {
        public AnalyzerResultsEntry(string fileName, string relativePath, Verdict verdict, long requiredBytes, string libc, string remedySummary)
        {
            FileName = fileName;
            RelativePath = relativePath;
            Verdict = verdict;
            RequiredBytes = requiredBytes;
            Libc = libc;
            RemedySummary = remedySummary;
        }

        public string FileName { get; }
        public string RelativePath { get; }
        public Verdict Verdict { get; }
        public long RequiredBytes { get; }
        public string Libc { get; }
        public string RemedySummary { get; }
    }
}
