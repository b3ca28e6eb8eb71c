using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// The symbol tables of an object file by section index, each with the string table its sh_link names. Headers
    /// describing the same range (and string table) share one table, so lookups through any of them are cached once.
    /// </summary>
    internal sealed class ObjectSymbolTables
    {
        private readonly ElfImage image;
        private readonly Dictionary<ulong, SymbolTable> byIndex = new Dictionary<ulong, SymbolTable>();
        private readonly Dictionary<(ulong Offset, ulong Size, ulong StringsOffset, ulong StringsSize), SymbolTable> byRange =
            new Dictionary<(ulong, ulong, ulong, ulong), SymbolTable>();

        public ObjectSymbolTables(ElfImage image) => this.image = image;

        public SymbolTable ForSection(ulong index)
        {
            if (byIndex.TryGetValue(index, out SymbolTable? known))
            {
                return known;
            }

            SectionHeader section = Section(index, "symbol table");
            if (section.Type != SectionType.SymbolTable && section.Type != SectionType.DynamicSymbols)
            {
                throw new ElfFormatException("section [" + index + "] is not a symbol table");
            }

            int entrySize = image.Small.Decoder.SymbolSize;
            if (section.EntrySize != (ulong)entrySize)
            {
                throw new ElfFormatException("symbol table [" + index + "] has sh_entsize " + section.EntrySize + ", expected " + entrySize);
            }

            SectionHeader strings = Section(section.Link, "string table");
            if (strings.Type != SectionType.StringTable)
            {
                throw new ElfFormatException("section [" + section.Link + "] is not a string table");
            }

            var range = (section.Offset, section.Size, strings.Offset, strings.Size);
            if (!byRange.TryGetValue(range, out SymbolTable? table))
            {
                // Section ranges were checked against the file when the headers were read.
                var names = new StringTable(image.Small, image.Strings, (long)strings.Offset, (long)strings.Size);
                table = new SymbolTable(image.Small, (long)section.Offset, section.Size / (ulong)entrySize, names, true);
                byRange.Add(range, table);
            }

            byIndex.Add(index, table);
            return table;
        }

        private SectionHeader Section(ulong index, string what)
        {
            if (index >= image.Sections.Count)
            {
                throw new ElfFormatException(what + " section index " + index + " is out of range");
            }

            return image.Sections[index];
        }
    }
}
