using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Object files: every SHT_REL/SHT_RELA section, each resolved against the symbol table its sh_link names. The
    /// relocations here are the compiler's, so they show the TLS model the code was built with.
    /// </summary>
    internal static class ObjectScan
    {
        public static void Run(ElfImage image, ScanResultBuilder builder)
        {
            if (image.Sections.Count == 0)
            {
                throw new ElfFormatException("object file without section headers");
            }

            var symbolTables = new ObjectSymbolTables(image);
            for (int i = 0; i < image.Sections.Count; i++)
            {
                SectionHeader section = image.Sections[i];
                if (section.Type == SectionType.SymbolTable)
                {
                    SymbolTables.CollectDefinedTls(symbolTables.ForSection((uint)i), builder.DefinedTlsSymbols);
                }
            }

            if (image.Tls == null)
            {
                return;
            }

            for (int i = 0; i < image.Sections.Count; i++)
            {
                SectionHeader section = image.Sections[i];
                if (section.Type != SectionType.Rel && section.Type != SectionType.Rela)
                {
                    continue;
                }

                bool hasAddend = section.Type == SectionType.Rela;
                string name = "relocation section [" + i + "]";
                int expected = RelocationTable.EntrySize(image.Is64, hasAddend);
                if (section.EntrySize != (ulong)expected)
                {
                    throw new ElfFormatException(name + " has sh_entsize " + section.EntrySize + ", expected " + expected);
                }

                SymbolTable? symbols = section.Link == 0 ? null : symbolTables.ForSection(section.Link);
                var table = new RelocationTable(name, (long)section.Offset, (long)section.Size, hasAddend, symbols);
                RelocationScan.Count(image, image.Tls, table, builder.Tally);
            }
        }
    }
}
