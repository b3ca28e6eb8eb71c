using TlsGuard.Core.Analysis;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Reporting
{
    /// <summary>ANSI colours for the text report; plain text when colour is off (redirected output, --no-color, NO_COLOR).</summary>
    internal sealed class TextStyle
    {
        private const string Reset = "\u001b[0m";
        private readonly bool _enabled;

        public TextStyle(bool enabled)
        {
            _enabled = enabled;
        }

        public string Bold(string text) => Paint("\u001b[1m", text);

        public string Dim(string text) => Paint("\u001b[2m", text);

        public string ForVerdict(Verdict verdict, string text) => verdict switch
        {
            Verdict.Fails => Paint("\u001b[1;31m", text),
            Verdict.AtRisk => Paint("\u001b[1;33m", text),
            Verdict.Fits => Paint("\u001b[32m", text),
            _ => Dim(text),
        };

        public string ForSeverity(DiagnosticSeverity severity, string text) => severity switch
        {
            DiagnosticSeverity.Error => Paint("\u001b[1;31m", text),
            DiagnosticSeverity.Warning => Paint("\u001b[33m", text),
            _ => Dim(text),
        };

        private string Paint(string code, string text) => _enabled ? code + text + Reset : text;
    }
}
