namespace TlsGuard.Analyzers.Results
{
    /// <summary>The two verdicts the results file carries; libraries that fit are not written to it.</summary>
    internal enum FlaggedVerdict
    {
        AtRisk,
        Fails,
    }
}
