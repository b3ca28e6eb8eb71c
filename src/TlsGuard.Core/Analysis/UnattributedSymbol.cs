namespace TlsGuard.Core.Analysis
{
    /// <summary>An initial-exec reference to a named TLS symbol that no module of the closure was seen to define.</summary>
    internal sealed class UnattributedSymbol
    {
        public UnattributedSymbol(string module, string symbol, string? likelyIn)
        {
            Module = module;
            Symbol = symbol;
            LikelyIn = likelyIn;
        }

        public string Module { get; }
        public string Symbol { get; }

        /// <summary>A dependency that was not found and may define the symbol.</summary>
        public string? LikelyIn { get; }
    }
}
