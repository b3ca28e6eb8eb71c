using System;
using System.Collections.Generic;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// How loud each finding is in the build log. TlsGuardSeverity sets the level of the "will it load" diagnostics
    /// (TLS001/002/003/006); the others keep their catalog severity. Then TlsGuardFailOn and TreatWarningsAsErrors may
    /// raise a finding to an error (MSBuild does not apply TreatWarningsAsErrors to task warnings, so the task does it);
    /// a code in NoWarn is never raised, so that NoWarn keeps silencing it.
    /// </summary>
    internal sealed class SeverityPolicy
    {
        public static readonly IReadOnlyList<string> SeverityNames = new[] { "error", "warning", "message", "none" };

        private static readonly HashSet<string> ConfigurableIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            DiagnosticCatalog.LibraryFailsToLoad.Id,
            DiagnosticCatalog.LibraryAtRisk.Id,
            DiagnosticCatalog.ObjectUsesStaticTlsModel.Id,
            DiagnosticCatalog.LoadSetOverflows.Id,
        };

        private readonly DiagnosticSeverity _configured;
        private readonly FailOnPolicy? _failOn;
        private readonly bool _treatWarningsAsErrors;
        private readonly HashSet<string> _warningsNotAsErrors;
        private readonly HashSet<string> _noWarn;

        public SeverityPolicy(DiagnosticSeverity configured, FailOnPolicy? failOn, bool treatWarningsAsErrors, string? warningsNotAsErrors, string? noWarn)
        {
            _configured = configured;
            _failOn = failOn;
            _treatWarningsAsErrors = treatWarningsAsErrors;
            _warningsNotAsErrors = ListSplitter.Codes(warningsNotAsErrors);
            _noWarn = ListSplitter.Codes(noWarn);
        }

        /// <summary>Parses TlsGuardSeverity; empty means warning.</summary>
        public static bool TryParseSeverity(string? text, out DiagnosticSeverity severity)
        {
            switch ((text ?? "").Trim().ToLowerInvariant())
            {
                case "": case "warning": severity = DiagnosticSeverity.Warning; return true;
                case "error": severity = DiagnosticSeverity.Error; return true;
                case "message": severity = DiagnosticSeverity.Message; return true;
                case "none": severity = DiagnosticSeverity.None; return true;
                default: severity = DiagnosticSeverity.Warning; return false;
            }
        }

        public DiagnosticSeverity LevelOf(Finding finding)
        {
            var level = ConfigurableIds.Contains(finding.Id) ? _configured : finding.Severity;
            if (level == DiagnosticSeverity.None)
            {
                return level;
            }

            if (_noWarn.Contains(finding.Id))
            {
                return level == DiagnosticSeverity.Error ? DiagnosticSeverity.Warning : level;
            }

            if (_failOn != null && _failOn.ShouldFail(finding))
            {
                return DiagnosticSeverity.Error;
            }

            if (level == DiagnosticSeverity.Warning && _treatWarningsAsErrors && !_warningsNotAsErrors.Contains(finding.Id))
            {
                return DiagnosticSeverity.Error;
            }

            return level;
        }
    }
}
