using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Resolves relocation symbol indexes of one symbol table to tally slots, reading each symbol and its name once
    /// however many relocations (or relocation tables) name it; once the tally's list is full, a new entry is counted
    /// without reading its name.
    /// </summary>
    internal sealed class TlsSymbolResolver
    {
        private readonly SymbolTable? symbols;
        private readonly TlsRelocationTally tally;
        private readonly Dictionary<uint, TlsRelocationTally.SymbolUse> cache = new Dictionary<uint, TlsRelocationTally.SymbolUse>();

        public TlsSymbolResolver(SymbolTable? symbols, TlsRelocationTally tally)
        {
            this.symbols = symbols;
            this.tally = tally;
        }

        /// <summary>Symbol 0 and local symbols are the file's own block; anything else is named, defined here or not.</summary>
        public TlsRelocationTally.SymbolUse Resolve(uint index, string tableName)
        {
            if (index == 0)
            {
                return tally.SlotFor(null, true);
            }

            if (cache.TryGetValue(index, out TlsRelocationTally.SymbolUse? known))
            {
                return known;
            }

            if (symbols == null)
            {
                throw new ElfFormatException(tableName + " names symbol " + index + " but has no symbol table");
            }

            Symbol symbol = symbols.Get(index);
            TlsRelocationTally.SymbolUse slot = symbol.Binding == SymbolBinding.Local
                ? tally.SlotFor(null, true)
                : tally.IsFull
                    ? tally.CountPastTheCap()
                    : tally.SlotFor(symbols.NameOf(symbol), symbol.IsDefined);
            cache.Add(index, slot);
            return slot;
        }
    }
}
