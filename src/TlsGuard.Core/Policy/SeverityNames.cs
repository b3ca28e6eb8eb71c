using System.Collections.Generic;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Policy
{
    /// <summary>The spellings of TlsGuardSeverity and --severity.</summary>
    public static class SeverityNames
    {
        public static IReadOnlyList<string> All { get; } = new[] { "error", "warning", "message", "none" };

        /// <summary>Empty means warning.</summary>
        public static bool TryParse(string? text, out DiagnosticSeverity severity)
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
    }
}
