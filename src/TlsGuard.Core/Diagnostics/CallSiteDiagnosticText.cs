namespace TlsGuard.Core.Diagnostics
{
    /// <summary>
    /// The text of the analyzer's diagnostics (TLS100, TLS101). The catalog and the Roslyn analyzer both compile this
    /// file (the analyzer links it as source because it cannot load this assembly), so the build, the CLI and the
    /// editor describe a call site in the same words. Messages take: {0} the library name as written at the call site,
    /// {1} the matched file, {2} the verdict ("will fail to load on glibc: needs 2632 bytes of static TLS"), {3} the remedy.
    /// </summary>
    internal static class CallSiteDiagnosticText
    {
        public const string FailingTitle = "P/Invoke binds to a native library that will fail to load";

        public const string FailingMessageFormat = "'{0}' binds to {1}, which {2}. Fix: {3}.";

        public const string FailingDescription =
            "This call site loads a native library that TlsGuard found will fail to load because of static TLS.";

        public const string AtRiskTitle = "P/Invoke binds to a native library that may fail to load";

        public const string AtRiskMessageFormat = "'{0}' binds to {1}, which {2}. Fix: {3}.";

        public const string AtRiskDescription =
            "This call site loads a native library that needs static TLS and may fail to load depending on what else the process loaded first.";
    }
}
