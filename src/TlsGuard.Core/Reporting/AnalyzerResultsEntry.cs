using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Reporting
{
    /// <summary>One line of the analyzer results file, as <see cref="AnalyzerResultsFile.Parse"/> reads it back.</summary>
    public sealed class AnalyzerResultsEntry
    {
        private readonly FlaggedLibrary _library;

        internal AnalyzerResultsEntry(FlaggedLibrary library)
        {
            _library = library;
        }

        public string FileName => _library.FileName;
        public string RelativePath => _library.RelativePath;
        public Verdict Verdict => _library.Verdict == FlaggedVerdict.Fails ? Verdict.Fails : Verdict.AtRisk;
        public long RequiredBytes => _library.RequiredBytes;
        public string Libc => _library.Libc;
        public string Cause => _library.Cause;
        public string RemedySummary => _library.RemedySummary;
    }
}
