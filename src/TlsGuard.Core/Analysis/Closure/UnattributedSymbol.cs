namespace TlsGuard.Core.Analysis
{
    /// <summary>An initial-exec reference to a named TLS symbol that no module of the closure was seen to define.</summary>
    /// <param name="Module">The module holding the relocation.</param>
    /// <param name="Symbol">The symbol, without version.</param>
    /// <param name="LikelyIn">A dependency that was not found and may define it.</param>
    public sealed record UnattributedSymbol(string Module, string Symbol, string? LikelyIn);
}
