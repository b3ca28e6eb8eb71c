using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>The symbol tables of an object file by section index, each with the string table its sh_link names.</summary>
    internal sealed class ObjectSymbolTables
    {
        private readonly ElfImage image;
        private readonly Dictionary<uint, SymbolTable> tables = new Dictionary<uint, SymbolTable>();

        public ObjectSymbolTables(ElfImage image) => this.image = image;

        public SymbolTable ForSection(uint index)
        {
            if (tables.TryGetValue(index, out SymbolTable? known))
            {
                return known;
            }

            SectionHeader section = Section(index, "symbol table");
            if (section.Type != SectionType.SymbolTable && section.Type != SectionType.DynamicSymbols)
            {
                throw new ElfFormatException("section [" + index + "] is not a symbol table");
            }

            int entrySize = SymbolTable.EntrySize(image.Is64);
            if (section.EntrySize != (ulong)entrySize)
            {
                throw new ElfFormatException("symbol table [" + index + "] has sh_entsize " + section.EntrySize + ", expected " + entrySize);
            }

            SectionHeader strings = Section(section.Link, "string table");
            if (strings.Type != SectionType.StringTable)
            {
                throw new ElfFormatException("section [" + section.Link + "] is not a string table");
            }

            // Section ranges were checked against the file when the headers were read.
            var names = new StringTable(image.Small, (long)strings.Offset, (long)strings.Size);
            var table = new SymbolTable(image.Small, (long)section.Offset, section.Size / (ulong)entrySize, image.Is64, names, true);
            tables.Add(index, table);
            return table;
        }

        private SectionHeader Section(uint index, string what)
        {
            if (index >= (uint)image.Sections.Count)
            {
                throw new ElfFormatException(what + " section index " + index + " is out of range");
            }

            return image.Sections[(int)index];
        }
    }
}
