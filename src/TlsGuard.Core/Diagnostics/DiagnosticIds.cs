namespace TlsGuard.Core.Diagnostics
{
    /// <summary>
    /// Every diagnostic code TlsGuard emits. Codes are stable: never renumber or reuse one.
    /// TLS0xx come from the scanner (MSBuild task, CLI); TLS1xx from the Roslyn analyzer.
    /// Linked as source into the analyzer, so this file must compile on its own.
    /// </summary>
    internal static class DiagnosticIds
    {
        public const string LibraryFailsToLoad = "TLS001";
        public const string LibraryAtRisk = "TLS002";
        public const string ObjectUsesStaticTlsModel = "TLS003";
        public const string FileUnreadable = "TLS004";
        public const string DependencyNotFound = "TLS005";
        public const string LoadSetOverflows = "TLS006";
        public const string StaticTlsFlagWithoutRelocation = "TLS007";
        public const string StaleBaselineEntry = "TLS008";
        public const string BuiltForOtherLibc = "TLS009";
        public const string InvalidSetting = "TLS010";
        public const string MayNeedOtherLibc = "TLS011";

        public const string PInvokeToFailingLibrary = "TLS100";
        public const string PInvokeToAtRiskLibrary = "TLS101";
    }
}
