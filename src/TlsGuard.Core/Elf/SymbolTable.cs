using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>A symbol table read entry by entry on demand; <see cref="Count"/> is already bounded by the file.</summary>
    internal sealed class SymbolTable
    {
        private readonly WindowedReader reader;

        public SymbolTable(WindowedReader reader, long offset, ulong count, StringTable names, bool countIsExact)
        {
            this.reader = reader;
            Offset = offset;
            Count = count;
            Names = names;
            CountIsExact = countIsExact;
        }

        public long Offset { get; }

        public ulong Count { get; }

        /// <summary>False when no hash table or section gave the count and it was only bounded by the file.</summary>
        public bool CountIsExact { get; }

        public StringTable Names { get; }

        /// <summary>The same table read through another window (a streamed walk beside scattered lookups).</summary>
        public SymbolTable Through(WindowedReader other) => new SymbolTable(other, Offset, Count, Names, CountIsExact);

        /// <summary>The same table read through another window, its names through <paramref name="names"/>.</summary>
        public SymbolTable Through(WindowedReader other, StringTable names) => new SymbolTable(other, Offset, Count, names, CountIsExact);

        /// <summary>
        /// The index of the first symbol at or after <paramref name="from"/> that is non-local and a defined STT_TLS
        /// symbol or, with <paramref name="importsToo"/>, undefined; <see cref="Count"/> when there is none. A window of
        /// entries is tested per decoder call, so a walk over a large table costs little more than the bytes it reads.
        /// </summary>
        public ulong NextTlsDefinitionOrImport(ulong from, bool importsToo)
        {
            int size = reader.Decoder.SymbolSize;
            for (ulong index = from; index < Count;)
            {
                int at = reader.PrepareEntries(Offset + (long)index * size, size, (long)(Count - index), out int count);
                int found = reader.Decoder.FindTlsDefinitionOrImport(reader.Window, at, count, importsToo);
                if (found < count)
                {
                    return index + (ulong)found;
                }

                index += (ulong)count;
            }

            return Count;
        }

        public Symbol Get(ulong index)
        {
            if (index >= Count)
            {
                throw new ElfFormatException("symbol index " + index + " is outside the symbol table (" + Count + " entries)");
            }

            return reader.SymbolAt(Offset + (long)index * reader.Decoder.SymbolSize);
        }

        public string NameOf(Symbol symbol) => Names.Symbol(symbol.NameOffset);
    }
}
