using System;
using System.Collections.Generic;
using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Counts TLS relocations by type name and gathers the symbols the static-TLS ones reference: one entry per
    /// distinct (name, defined-here) pair in first-seen order, where the own block (symbol 0 or a local symbol) has no name.
    /// </summary>
    internal sealed class TlsRelocationTally
    {
        private readonly List<SymbolUse> symbols = new List<SymbolUse>();
        private readonly Dictionary<string, SymbolUse> symbolsByKey = new Dictionary<string, SymbolUse>(StringComparer.Ordinal);
        private bool sawInitialExec;
        private bool sawLocalExec;

        public SortedDictionary<string, int> StaticCounts { get; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        public SortedDictionary<string, int> DynamicCounts { get; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Local-exec wins over initial-exec: it cannot be linked into a shared object at all.</summary>
        public TlsAccessModel? ObjectModel =>
            sawLocalExec ? TlsAccessModel.LocalExec : sawInitialExec ? TlsAccessModel.InitialExec : (TlsAccessModel?)null;

        public void AddStatic(TlsRelocationType type, TlsRelocationClass relocationClass, string? symbolName, bool definedHere)
        {
            Increment(StaticCounts, type.Name);
            sawInitialExec |= relocationClass == TlsRelocationClass.InitialExec;
            sawLocalExec |= relocationClass == TlsRelocationClass.LocalExec;
            string key = (definedHere ? "1" : "0") + (symbolName == null ? "" : ":" + symbolName);
            if (!symbolsByKey.TryGetValue(key, out SymbolUse? use))
            {
                use = new SymbolUse(symbolName, definedHere);
                symbolsByKey.Add(key, use);
                symbols.Add(use);
            }

            use.Count++;
        }

        public void AddDynamic(TlsRelocationType type) => Increment(DynamicCounts, type.Name);

        public StaticTlsSymbol[] Symbols()
        {
            var result = new StaticTlsSymbol[symbols.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = new StaticTlsSymbol(symbols[i].Name, symbols[i].DefinedHere, symbols[i].Count);
            }

            return result;
        }

        private static void Increment(SortedDictionary<string, int> counts, string name)
        {
            counts.TryGetValue(name, out int count);
            counts[name] = count + 1;
        }

        private sealed class SymbolUse
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
