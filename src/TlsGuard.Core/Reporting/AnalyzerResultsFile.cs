using System;
using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;

namespace TlsGuard.Core.Reporting
{
    /// <summary>
    /// The analyzer results file (<see cref="AnalyzerResultsFormat"/>, shared with the analyzer as source) for the
    /// libraries of an analysis: the ones that fail or are at risk.
    /// </summary>
    public static class AnalyzerResultsFile
    {
        public const string Header = AnalyzerResultsFormat.Header;

        /// <summary>The text for the flagged libraries of <paramref name="libraries"/>, ordered so that equal input gives equal bytes.</summary>
        public static string Format(IEnumerable<LibraryVerdict> libraries)
        {
            var flagged = new List<FlaggedLibrarySummary>();
            foreach (var library in libraries)
            {
                var summary = FlaggedLibrarySummary.Of(library);
                if (summary != null)
                {
                    flagged.Add(summary);
                }
            }

            return Format(flagged);
        }

        /// <summary>The text for <paramref name="libraries"/>, ordered so that equal input gives equal bytes.</summary>
        public static string Format(IEnumerable<FlaggedLibrarySummary> libraries)
        {
            var flagged = new List<FlaggedLibrary>();
            foreach (var library in libraries)
            {
                flagged.Add(new FlaggedLibrary(
                    library.FileName,
                    library.RelativePath,
                    library.Verdict == Verdict.Fails ? FlaggedVerdict.Fails : FlaggedVerdict.AtRisk,
                    library.RequiredBytes,
                    library.Libc,
                    library.Cause,
                    library.RemedySummary));
            }

            return AnalyzerResultsFormat.Format(flagged);
        }

        /// <summary>Reads the entries back as the analyzer does, skipping lines that do not fit. Throws on a foreign header.</summary>
        public static IReadOnlyList<AnalyzerResultsEntry> Parse(string text)
        {
            if (!AnalyzerResultsFormat.HasHeader(text))
            {
                throw new FormatException("not a TlsGuard results file (expected '" + Header + "')");
            }

            return AnalyzerResultsFormat.Parse(text).Select(library => new AnalyzerResultsEntry(library)).ToList();
        }
    }
}
