using System.Collections.Generic;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.LoaderTests
{
    internal static class AnalysisReportExtensions
    {
        /// <summary>The findings the factory makes of the analysis, as every face reports them.</summary>
        public static IReadOnlyList<Finding> Findings(this AnalysisReport report) => FindingFactory.Describe(report);
    }
}
