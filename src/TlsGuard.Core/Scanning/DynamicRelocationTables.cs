using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// The relocation tables the loader applies: DT_RELA, DT_REL and DT_JMPREL (the first of each tag only, so at most
    /// three ranges), DT_JMPREL skipped when it lies inside one of the others (GNU ld for ppc and sparc64 makes
    /// DT_RELASZ cover the PLT relocations). DT_RELR is left out: packed relative relocations never name a symbol, so
    /// never TLS.
    /// </summary>
    internal static class DynamicRelocationTables
    {
        public static List<RelocationTable> Locate(DynamicInfo info, LoadSegmentMap map, ElfDecoder decoder, SymbolTable? symbols)
        {
            var tables = new List<RelocationTable>();
            Add(tables, info, map, decoder, symbols, "DT_RELA", DynamicTag.Rela, DynamicTag.RelaSize, DynamicTag.RelaEntrySize, true);
            Add(tables, info, map, decoder, symbols, "DT_REL", DynamicTag.Rel, DynamicTag.RelSize, DynamicTag.RelEntrySize, false);

            ulong? plt = info.Get(DynamicTag.JmpRel);
            ulong pltSize = info.Get(DynamicTag.PltRelSize) ?? 0;
            if (plt != null && pltSize != 0)
            {
                var jmprel = new RelocationTable("DT_JMPREL", map.ToOffset(plt.Value, pltSize, "DT_JMPREL"), (long)pltSize, PltHasAddend(info), symbols);
                if (!tables.Exists(t => t.Contains(jmprel)))
                {
                    tables.Add(jmprel);
                }
            }

            return tables;
        }

        private static void Add(
            List<RelocationTable> tables,
            DynamicInfo info,
            LoadSegmentMap map,
            ElfDecoder decoder,
            SymbolTable? symbols,
            string name,
            DynamicTag addressTag,
            DynamicTag sizeTag,
            DynamicTag entrySizeTag,
            bool hasAddend)
        {
            ulong? address = info.Get(addressTag);
            ulong size = info.Get(sizeTag) ?? 0;
            if (address == null || size == 0)
            {
                return;
            }

            int expected = decoder.RelocationSize(hasAddend);
            ulong? entrySize = info.Get(entrySizeTag);
            if (entrySize != null && entrySize.Value != (ulong)expected)
            {
                throw new ElfFormatException(name + "ENT is " + entrySize.Value + ", expected " + expected);
            }

            tables.Add(new RelocationTable(name, map.ToOffset(address.Value, size, name), (long)size, hasAddend, symbols));
        }

        /// <summary>DT_PLTREL says which; without it, the PLT uses the same form as the other table.</summary>
        private static bool PltHasAddend(DynamicInfo info)
        {
            ulong? kind = info.Get(DynamicTag.PltRel);
            if (kind == null)
            {
                return info.Has(DynamicTag.Rela) || !info.Has(DynamicTag.Rel);
            }

            if (kind.Value != (ulong)DynamicTag.Rela && kind.Value != (ulong)DynamicTag.Rel)
            {
                throw new ElfFormatException("DT_PLTREL " + kind.Value + " is neither DT_RELA nor DT_REL");
            }

            return kind.Value == (ulong)DynamicTag.Rela;
        }
    }
}
