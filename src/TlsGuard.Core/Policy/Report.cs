using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;

namespace TlsGuard.Core.Policy
{
    /// <summary>What every face prints: the analysis facts and the findings as the policy reports them.</summary>
    public sealed record Report
    {
        /// <summary>One verdict per scanned file, in input order (suppressed files included: they are facts).</summary>
        public IReadOnlyList<LibraryVerdict> Libraries { get; init; } = new LibraryVerdict[0];

        public IReadOnlyList<LoadBudget> Budgets { get; init; } = new LoadBudget[0];

        /// <summary>The reported findings in order: new and baselined ones, then stale baseline entries.</summary>
        public IReadOnlyList<ReportedFinding> Findings { get; init; } = new ReportedFinding[0];

        /// <summary>Set when a baseline was applied.</summary>
        public BaselineResult? Baseline { get; init; }

        /// <summary>Libraries whose findings are reported (not suppressed).</summary>
        public IReadOnlyList<LibraryVerdict> VisibleLibraries { get; init; } = new LibraryVerdict[0];

        /// <summary>The visible libraries that fail or are at risk: what the analyzer hand-off lists.</summary>
        public IReadOnlyList<FlaggedLibrarySummary> VisibleFlaggedLibraries { get; init; } = new FlaggedLibrarySummary[0];

        public IReadOnlyList<ReportedFinding> Failing => Findings.Where(finding => finding.Fails).ToList();

        /// <summary>What a build log shows: everything reported except what a baseline accepts.</summary>
        public IReadOnlyList<ReportedFinding> Logged => Findings.Where(finding => !finding.Baselined).ToList();
    }
}
