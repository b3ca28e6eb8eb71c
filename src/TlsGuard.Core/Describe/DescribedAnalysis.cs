using System;
using System.Collections.Generic;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Describe
{
    /// <summary>
    /// An analysis as a build uses it: its findings in decision order, the inputs whose findings are not to be reported
    /// (TlsGuardSuppress), and the libraries the analyzer hand-off lists. Plain and small, so it is what a no-op build
    /// keeps between builds (Caching.AnalysisStore) instead of the analysis itself; the policy (suppression patterns,
    /// baseline, severity, fail-on) is applied to it afterwards, so a changed setting never goes stale with it.
    /// </summary>
    public sealed record DescribedAnalysis(
        IReadOnlyList<Finding> Findings,
        IReadOnlyList<string> SuppressedPaths,
        IReadOnlyList<FlaggedLibrarySummary> FlaggedLibraries)
    {
        public static DescribedAnalysis Of(AnalysisReport report) => Of(report, FindingFactory.Describe(report));

        /// <summary>The analysis with <paramref name="findings"/> as its findings (made from it by <see cref="FindingFactory"/>).</summary>
        public static DescribedAnalysis Of(AnalysisReport report, IReadOnlyList<Finding> findings)
        {
            var suppressed = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var decision in report.Decisions)
            {
                if (decision.Input.Suppressed && seen.Add(decision.Input.Path))
                {
                    suppressed.Add(decision.Input.Path);
                }
            }

            var flagged = new List<FlaggedLibrarySummary>();
            foreach (var library in report.Libraries)
            {
                var summary = FlaggedLibrarySummary.Of(library);
                if (summary != null)
                {
                    flagged.Add(summary);
                }
            }

            return new DescribedAnalysis(findings, suppressed, flagged);
        }
    }
}
