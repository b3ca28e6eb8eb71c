namespace TlsGuard.Core.Scanning
{
    /// <summary>A TLS symbol referenced by static-TLS relocations.</summary>
    public sealed class StaticTlsSymbol
    {
        public StaticTlsSymbol(string? name, bool definedHere, int relocationCount)
        {
            Name = name;
            DefinedHere = definedHere;
            RelocationCount = relocationCount;
        }

        /// <summary>The symbol name; null for symbol index 0 or a local symbol, i.e. the file's own TLS block.</summary>
        public string? Name { get; }

        /// <summary>True when this file defines the symbol (or it is the file's own block), so the cost lands on this file's block.</summary>
        public bool DefinedHere { get; }

        public int RelocationCount { get; }

        public bool IsOwnBlock => Name == null;
    }
}
