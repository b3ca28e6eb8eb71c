using System;
using System.Collections.Generic;
using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Counts TLS relocations by type and gathers the symbols the static-TLS ones reference: one entry per distinct
    /// (name, defined-here) pair in first-seen order, where the own block (symbol 0 or a local symbol) has no name.
    /// A relocation costs a counter increment: the symbol's slot is looked up once per resolved symbol, never per
    /// relocation, so a million relocations naming one long symbol do not hash that name a million times. Once
    /// <see cref="ScanLimits.StaticTlsSymbols"/> symbols are kept, further symbol-table entries are only counted, each
    /// once, and their names are never read: a 16 MB object whose relocations name half a million distinct symbols
    /// would otherwise pool half a million names (100 MB of allocation).
    /// </summary>
    internal sealed class TlsRelocationTally
    {
        private readonly List<SymbolUse> symbols = new List<SymbolUse>();
        private readonly SymbolUse pastTheCap = new SymbolUse(null, false);
        private int entriesPastTheCap;
        private readonly Dictionary<string, SymbolUse> definedByName = new Dictionary<string, SymbolUse>(StringComparer.Ordinal);
        private readonly Dictionary<string, SymbolUse> undefinedByName = new Dictionary<string, SymbolUse>(StringComparer.Ordinal);
        private readonly Dictionary<TlsRelocationType, int> staticCounts = new Dictionary<TlsRelocationType, int>();
        private readonly Dictionary<TlsRelocationType, int> dynamicCounts = new Dictionary<TlsRelocationType, int>();
        private SymbolUse? ownBlock;
        private bool sawInitialExec;
        private bool sawLocalExec;

        /// <summary>Local-exec wins over initial-exec: it cannot be linked into a shared object at all.</summary>
        public TlsAccessModel? ObjectModel =>
            sawLocalExec ? TlsAccessModel.LocalExec : sawInitialExec ? TlsAccessModel.InitialExec : (TlsAccessModel?)null;

        /// <summary>Distinct symbols referenced by static-TLS relocations: by name while kept, then by symbol-table entry.</summary>
        public int SymbolCount => (int)Math.Min(int.MaxValue, (long)symbols.Count + entriesPastTheCap);

        /// <summary>True once the kept list is full: new symbols are then counted with <see cref="CountPastTheCap"/>.</summary>
        public bool IsFull => symbols.Count >= ScanLimits.StaticTlsSymbols;

        /// <summary>Counts a symbol-table entry met after the list filled (call once per entry) and gives the slot it shares with the others.</summary>
        public SymbolUse CountPastTheCap()
        {
            if (entriesPastTheCap < int.MaxValue)
            {
                entriesPastTheCap++;
            }

            return pastTheCap;
        }

        /// <summary>The slot of one symbol; null name = the file's own block.</summary>
        public SymbolUse SlotFor(string? name, bool definedHere)
        {
            if (name == null)
            {
                return ownBlock ??= Add(null, true);
            }

            Dictionary<string, SymbolUse> byName = definedHere ? definedByName : undefinedByName;
            if (!byName.TryGetValue(name, out SymbolUse? use))
            {
                use = Add(name, definedHere);
                byName.Add(name, use);
            }

            return use;
        }

        public void AddStatic(TlsRelocationType type, TlsRelocationClass relocationClass, SymbolUse symbol)
        {
            Increment(staticCounts, type);
            sawInitialExec |= relocationClass == TlsRelocationClass.InitialExec;
            sawLocalExec |= relocationClass == TlsRelocationClass.LocalExec;
            if (symbol.Count < int.MaxValue)
            {
                symbol.Count++;
            }
        }

        public void AddDynamic(TlsRelocationType type) => Increment(dynamicCounts, type);

        public SortedDictionary<string, int> StaticCounts() => ByName(staticCounts);

        public SortedDictionary<string, int> DynamicCounts() => ByName(dynamicCounts);

        /// <summary>The first <paramref name="limit"/> symbols in first-seen order.</summary>
        public StaticTlsSymbol[] Symbols(int limit)
        {
            var result = new StaticTlsSymbol[Math.Min(limit, symbols.Count)];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = new StaticTlsSymbol(symbols[i].Name, symbols[i].DefinedHere, symbols[i].Count);
            }

            return result;
        }

        private SymbolUse Add(string? name, bool definedHere)
        {
            var use = new SymbolUse(name, definedHere);
            symbols.Add(use);
            return use;
        }

        private static void Increment(Dictionary<TlsRelocationType, int> counts, TlsRelocationType type)
        {
            counts.TryGetValue(type, out int count);
            counts[type] = count == int.MaxValue ? count : count + 1;
        }

        private static SortedDictionary<string, int> ByName(Dictionary<TlsRelocationType, int> counts)
        {
            var byName = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (KeyValuePair<TlsRelocationType, int> pair in counts)
            {
                byName[pair.Key.Name] = pair.Value;
            }

            return byName;
        }

        internal sealed class SymbolUse
        {
            public SymbolUse(string? name, bool definedHere)
            {
                Name = name;
                DefinedHere = definedHere;
            }

            public string? Name { get; }
            public bool DefinedHere { get; }
            public int Count { get; set; }
        }
    }
}
