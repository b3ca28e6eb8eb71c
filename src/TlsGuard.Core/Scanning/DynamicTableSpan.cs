using System;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// The file range the dynamic-link tables of a shared object occupy together: linkers put the hash tables, symbols,
    /// strings, versions and relocations side by side at the start of the first segment, so one read of that range
    /// serves the whole scan. Only a read plan: a tag that points nowhere is left out here and reported by the reader
    /// of its table, as before.
    /// </summary>
    internal static class DynamicTableSpan
    {
        private static readonly DynamicTag[] Starts =
        {
            DynamicTag.Hash, DynamicTag.GnuHash, DynamicTag.SymbolTable, DynamicTag.VersionSymbols,
            DynamicTag.VersionNeeds, DynamicTag.VersionDefinitions,
        };

        private static readonly (DynamicTag Table, DynamicTag Size)[] Sized =
        {
            (DynamicTag.StringTable, DynamicTag.StringTableSize), (DynamicTag.Rela, DynamicTag.RelaSize),
            (DynamicTag.Rel, DynamicTag.RelSize), (DynamicTag.JmpRel, DynamicTag.PltRelSize),
        };

        /// <summary>[Start, End) over every table the dynamic section locates; End is 0 when it locates none.</summary>
        public static (long Start, long End) Of(DynamicInfo info, LoadSegmentMap map)
        {
            long start = long.MaxValue;
            long end = 0;
            foreach (DynamicTag tag in Starts)
            {
                ulong? address = info.Get(tag);
                if (address != null && map.TryToOffset(address.Value, 1, out long offset))
                {
                    start = Math.Min(start, offset);
                    end = Math.Max(end, offset + 1);
                }
            }

            foreach (var (table, size) in Sized)
            {
                ulong? address = info.Get(table);
                ulong? bytes = info.Get(size);
                if (address != null && bytes != null && map.TryToOffset(address.Value, bytes.Value, out long offset))
                {
                    start = Math.Min(start, offset);
                    end = Math.Max(end, offset + (long)bytes.Value);
                }
            }

            return end == 0 ? (0, 0) : (start, end);
        }
    }
}
