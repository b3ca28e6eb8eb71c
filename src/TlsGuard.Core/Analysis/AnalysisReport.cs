using System.Collections.Generic;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Everything one analysis produced; the faces print from this alone.</summary>
    public sealed class AnalysisReport
    {
        public IReadOnlyList<LibraryAssessment> Libraries { get; init; } = new LibraryAssessment[0];

        /// <summary>One budget per C library the inputs target (usually one).</summary>
        public IReadOnlyList<LoadBudget> Budgets { get; init; } = new LoadBudget[0];

        public IReadOnlyList<Finding> Findings { get; init; } = new Finding[0];
    }
}
