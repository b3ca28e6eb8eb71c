using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Policy
{
    /// <summary>A finding as the policy decided to report it.</summary>
    /// <param name="Finding">The finding.</param>
    /// <param name="Level">The severity it is reported with (never None: those are not reported).</param>
    /// <param name="Baselined">A baseline accepts it: shown as unchanged, never failing, not logged by the build.</param>
    /// <param name="Fails">It fails the run (exit code 1; logged as an error by the build).</param>
    public sealed record ReportedFinding(Finding Finding, DiagnosticSeverity Level, bool Baselined, bool Fails)
    {
        /// <summary>The level a build log shows: a failing finding is an error.</summary>
        public DiagnosticSeverity LogLevel => Fails ? DiagnosticSeverity.Error : Level;
    }
}
