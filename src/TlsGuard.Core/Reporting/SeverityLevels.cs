using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;

namespace TlsGuard.Core.Reporting
{
    /// <summary>The one spelling of severities in JSON and SARIF (SARIF's result.level vocabulary).</summary>
    public static class SeverityLevels
    {
        public static string ToLevel(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Message => "note",
            _ => "none",
        };

        /// <summary>SARIF's baselineState spelling: "unchanged" for a finding the baseline accepts, "new" otherwise.</summary>
        public static string BaselineState(ReportedFinding reported) => reported.Baselined ? "unchanged" : "new";
    }
}
