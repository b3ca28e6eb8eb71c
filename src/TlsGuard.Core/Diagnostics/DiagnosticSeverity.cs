namespace TlsGuard.Core.Diagnostics
{
    public enum DiagnosticSeverity
    {
        None,
        Message,
        Warning,
        Error,
    }
}
