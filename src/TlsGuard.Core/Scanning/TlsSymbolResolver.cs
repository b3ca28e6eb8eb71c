using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>Resolves relocation symbol indexes, reading each symbol and its name once per table.</summary>
    internal sealed class TlsSymbolResolver
    {
        private readonly SymbolTable? symbols;
        private readonly Dictionary<uint, ResolvedSymbol> cache = new Dictionary<uint, ResolvedSymbol>();

        public TlsSymbolResolver(SymbolTable? symbols) => this.symbols = symbols;

        public ResolvedSymbol Resolve(uint index, string tableName)
        {
            if (index == 0)
            {
                return ResolvedSymbol.OwnBlock;
            }

            if (cache.TryGetValue(index, out ResolvedSymbol? known))
            {
                return known;
            }

            if (symbols == null)
            {
                throw new ElfFormatException(tableName + " names symbol " + index + " but has no symbol table");
            }

            Symbol symbol = symbols.Get(index);
            ResolvedSymbol resolved = symbol.Binding == SymbolBinding.Local
                ? ResolvedSymbol.OwnBlock
                : new ResolvedSymbol(symbols.NameOf(symbol), symbol.IsDefined);
            cache.Add(index, resolved);
            return resolved;
        }
    }
}
