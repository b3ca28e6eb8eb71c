namespace TlsGuard.Core.Scanning
{
    /// <summary>What a static-TLS relocation's symbol says about where the cost lands.</summary>
    internal sealed class ResolvedSymbol
    {
        public static readonly ResolvedSymbol OwnBlock = new ResolvedSymbol(null, true);

        public ResolvedSymbol(string? name, bool definedHere)
        {
            Name = name;
            DefinedHere = definedHere;
        }

        /// <summary>Null for symbol index 0 and local symbols: the file's own TLS block.</summary>
        public string? Name { get; }

        public bool DefinedHere { get; }
    }
}
