using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Object files: every SHT_REL/SHT_RELA section, each resolved against the symbol table its sh_link names. The
    /// relocations here are the compiler's, so they show the TLS model the code was built with. Each distinct table
    /// range is read once, however many section headers describe it.
    /// </summary>
    internal static class ObjectScan
    {
        public static void Run(ElfImage image, ScanResultBuilder builder)
        {
            if (image.Sections.Count == 0)
            {
                throw new ElfFormatException("object file without section headers");
            }

            var symbolRanges = new SectionRanges("symbol table");
            var relocationRanges = new SectionRanges("relocation section");
            for (ulong i = 0; i < image.Sections.Count; i++)
            {
                SectionHeader section = image.Sections[i];
                if (section.Type == SectionType.SymbolTable)
                {
                    symbolRanges.Add(i, section);
                }
                else if (section.Type == SectionType.Rel || section.Type == SectionType.Rela)
                {
                    relocationRanges.Add(i, section);
                }
            }

            var symbolTables = new ObjectSymbolTables(image);
            foreach (ulong index in symbolRanges.Distinct())
            {
                SymbolTables.CollectDefinedTls(symbolTables.ForSection(index).Through(image.Bulk), builder.DefinedTlsSymbols);
            }

            if (image.Tls == null)
            {
                return;
            }

            var resolvers = new Dictionary<SymbolTable, TlsSymbolResolver>();
            var none = new TlsSymbolResolver(null, builder.Tally);
            foreach (ulong i in relocationRanges.Distinct())
            {
                SectionHeader section = image.Sections[i];
                bool hasAddend = section.Type == SectionType.Rela;
                string name = "relocation section [" + i + "]";
                int expected = image.Small.Decoder.RelocationSize(hasAddend);
                if (section.EntrySize != (ulong)expected)
                {
                    throw new ElfFormatException(name + " has sh_entsize " + section.EntrySize + ", expected " + expected);
                }

                SymbolTable? symbols = section.Link == 0 ? null : symbolTables.ForSection(section.Link);
                TlsSymbolResolver resolver = none;
                if (symbols != null && !resolvers.TryGetValue(symbols, out resolver!))
                {
                    resolver = new TlsSymbolResolver(symbols, builder.Tally);
                    resolvers.Add(symbols, resolver);
                }

                // Section ranges were checked against the file when the headers were read.
                var table = new RelocationTable(name, (long)section.Offset, (long)section.Size, hasAddend, symbols);
                RelocationScan.Count(image, image.Tls, table, resolver, builder.Tally);
            }
        }
    }
}
