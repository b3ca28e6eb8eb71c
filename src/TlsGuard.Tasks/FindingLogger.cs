using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Writes findings to the build log with the catalog's code, the library as the file and the rule page as help link.
    /// The text goes in as an argument of "{0}": the logger treats its message as a format string, and library names may hold braces.
    /// </summary>
    internal static class FindingLogger
    {
        public static void Log(TaskLoggingHelper log, Finding finding, DiagnosticSeverity level)
        {
            var helpLink = finding.Descriptor.HelpUri;
            switch (level)
            {
                case DiagnosticSeverity.Error:
                    log.LogError(null, finding.Id, null, helpLink, finding.FilePath, 0, 0, 0, 0, "{0}", finding.Message);
                    break;
                case DiagnosticSeverity.Warning:
                    log.LogWarning(null, finding.Id, null, helpLink, finding.FilePath, 0, 0, 0, 0, "{0}", finding.Message);
                    break;
                case DiagnosticSeverity.Message:
                    log.LogMessage(null, finding.Id, null, finding.FilePath, 0, 0, 0, 0, MessageImportance.Normal, "{0}", finding.Message);
                    break;
            }
        }
    }
}
