namespace TlsGuard.Core.Analysis
{
    /// <summary>The spelling of verdicts in JSON, SARIF, the analyzer results file and MSBuild properties.</summary>
    public static class VerdictNames
    {
        public static string ToName(Verdict verdict) => verdict switch
        {
            Verdict.Fails => "fails",
            Verdict.AtRisk => "at-risk",
            Verdict.Fits => "fits",
            _ => "none",
        };

        public static bool TryParse(string? text, out Verdict verdict)
        {
            switch ((text ?? "").Trim().ToLowerInvariant())
            {
                case "fails": verdict = Verdict.Fails; return true;
                case "at-risk": case "atrisk": verdict = Verdict.AtRisk; return true;
                case "fits": verdict = Verdict.Fits; return true;
                case "none": verdict = Verdict.None; return true;
                default: verdict = Verdict.None; return false;
            }
        }
    }
}
