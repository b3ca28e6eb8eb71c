namespace TlsGuard.Core.Diagnostics
{
    /// <summary>Each code has a page at docs/rules/CODE.md in the repository. Linked as source into the analyzer.</summary>
    internal static class HelpLinks
    {
        public const string RulesBase = "https://github.com/tlsguard/tlsguard/blob/main/docs/rules/";

        public static string For(string id) => RulesBase + id + ".md";
    }
}
