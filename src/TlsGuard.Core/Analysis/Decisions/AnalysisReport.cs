using System.Collections.Generic;
using System.Linq;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Everything one analysis decided, in report order; the finding factory and the writers read only this.</summary>
    public sealed record AnalysisReport(IReadOnlyList<Decision> Decisions, IReadOnlyList<LoadBudget> Budgets)
    {
        /// <summary>One verdict per scanned file, in input order.</summary>
        public IReadOnlyList<LibraryVerdict> Libraries { get; } = Decisions.OfType<LibraryVerdict>().ToList();
    }
}
