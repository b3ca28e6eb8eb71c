using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>A symbol table read entry by entry on demand; <see cref="Count"/> is already bounded by the file.</summary>
    internal sealed class SymbolTable
    {
        private readonly WindowedReader reader;
        private readonly long offset;
        private readonly bool is64;

        public SymbolTable(WindowedReader reader, long offset, ulong count, bool is64, StringTable names, bool countIsExact)
        {
            this.reader = reader;
            this.offset = offset;
            this.is64 = is64;
            Count = count;
            Names = names;
            CountIsExact = countIsExact;
        }

        public static int EntrySize(bool is64) => is64 ? 24 : 16;

        public ulong Count { get; }

        /// <summary>False when no hash table or section gave the count and it was only bounded by the file.</summary>
        public bool CountIsExact { get; }

        public StringTable Names { get; }

        public Symbol Get(uint index)
        {
            if (index >= Count)
            {
                throw new ElfFormatException("symbol index " + index + " is outside the symbol table (" + Count + " entries)");
            }

            int size = EntrySize(is64);
            int i = reader.Prepare(offset + (long)index * size, size);
            byte[] w = reader.Window;
            bool be = reader.BigEndian;
            return is64
                ? new Symbol(ByteOrder.U32(w, i, be), w[i + 4], w[i + 5], ByteOrder.U16(w, i + 6, be), ByteOrder.U64(w, i + 8, be), ByteOrder.U64(w, i + 16, be))
                : new Symbol(ByteOrder.U32(w, i, be), w[i + 12], w[i + 13], ByteOrder.U16(w, i + 14, be), ByteOrder.U32(w, i + 4, be), ByteOrder.U32(w, i + 8, be));
        }

        public string NameOf(Symbol symbol) => Names.Get(symbol.NameOffset);
    }
}
