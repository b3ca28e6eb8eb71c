using System.Collections.Generic;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Policy
{
    /// <summary>Today's findings split against a baseline.</summary>
    public sealed class BaselineResult
    {
        private readonly HashSet<Finding> _baselined;

        public BaselineResult(
            IReadOnlyList<Finding> newFindings,
            IReadOnlyList<Finding> baselinedFindings,
            IReadOnlyList<BaselineEntry> staleEntries,
            IReadOnlyList<Finding> staleFindings)
        {
            NewFindings = newFindings;
            BaselinedFindings = baselinedFindings;
            StaleEntries = staleEntries;
            StaleFindings = staleFindings;
            _baselined = new HashSet<Finding>(baselinedFindings);
        }

        /// <summary>Findings the baseline does not list: only these count toward failure.</summary>
        public IReadOnlyList<Finding> NewFindings { get; }

        /// <summary>Findings the baseline accepts.</summary>
        public IReadOnlyList<Finding> BaselinedFindings { get; }

        /// <summary>Baseline entries no finding matched any more.</summary>
        public IReadOnlyList<BaselineEntry> StaleEntries { get; }

        /// <summary>One TLS008 finding per stale entry, pointing at the baseline file.</summary>
        public IReadOnlyList<Finding> StaleFindings { get; }

        public bool IsBaselined(Finding finding) => _baselined.Contains(finding);
    }
}
