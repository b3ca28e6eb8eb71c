namespace TlsGuard.Core.Policy
{
    /// <summary>Which findings make a run fail (CLI --fail-on, exit code 1).</summary>
    public enum FailOn
    {
        /// <summary>Libraries that will fail to load: TLS001, TLS006, TLS009.</summary>
        Fails,

        /// <summary>Also libraries and objects that may fail: TLS002, TLS003, TLS011.</summary>
        AtRisk,

        /// <summary>Every warning, including unreadable files (TLS004).</summary>
        Any,

        /// <summary>Report only; never fail.</summary>
        Never,
    }
}
