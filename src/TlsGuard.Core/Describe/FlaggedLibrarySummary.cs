using System.IO;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Describe
{
    /// <summary>
    /// What the analyzer hand-off (Reporting.AnalyzerResultsFile) says about one library that fails or is at risk, with
    /// the input it is about: suppression is decided per input path, after the analysis.
    /// </summary>
    /// <param name="InputPath">The input the verdict is about, as given.</param>
    /// <param name="FileName">"libjemalloc.so.2".</param>
    /// <param name="RelativePath">Where it lands relative to the output, '/'-separated; the file name when unknown.</param>
    /// <param name="Verdict"><see cref="Verdict.Fails"/> or <see cref="Verdict.AtRisk"/>.</param>
    /// <param name="RequiredBytes">The static TLS it needs.</param>
    /// <param name="Libc">The C library versions the verdict is for ("glibc 2.27–2.31", "musl").</param>
    /// <param name="Cause">The headline cause ("needs 2632 bytes of static TLS", a C library mismatch).</param>
    /// <param name="RemedySummary">The fix in a line.</param>
    public sealed record FlaggedLibrarySummary(string InputPath, string FileName, string RelativePath, Verdict Verdict, long RequiredBytes, string Libc, string Cause, string RemedySummary)
    {
        /// <summary>The summary of a library that fails or is at risk; null for any other verdict.</summary>
        public static FlaggedLibrarySummary? Of(LibraryVerdict library)
        {
            if (library.Verdict != Verdict.Fails && library.Verdict != Verdict.AtRisk)
            {
                return null;
            }

            var fileName = Path.GetFileName(library.Input.Path);
            var relativePath = string.IsNullOrEmpty(library.Input.RelativePath) ? fileName : library.Input.RelativePath!.Replace('\\', '/');
            var remedy = library.Mismatch != null ? MismatchText.Fix(library.Mismatch) : library.Remedy == null ? "" : RemedyText.Summary(library.Remedy);
            var libc = LibcText.Versions(library.Budget?.Judged, library.Libc);
            return new FlaggedLibrarySummary(library.Input.Path, fileName, relativePath, library.Verdict, library.RequiredStaticTlsBytes, libc, CauseOf(library), remedy);
        }

        /// <summary>The headline cause: a C library mismatch comes before static TLS, as it does in the build's warnings.</summary>
        private static string CauseOf(LibraryVerdict library)
        {
            if (library.Mismatch != null)
            {
                return MismatchText.Cause(library.Mismatch, library.Input);
            }

            return library.RequiredStaticTlsBytes > 0
                ? FindingText.Invariant("needs {0} bytes of static TLS", library.RequiredStaticTlsBytes)
                : "";
        }
    }
}
