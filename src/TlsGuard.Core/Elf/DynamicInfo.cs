using System.Collections.Generic;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// The dynamic entries in bounded form: the value of each single-valued tag the scanner reads — the last one when a
    /// tag appears twice, as both loaders do (glibc's elf_get_dynamic_info and musl's decode_vec store each entry over
    /// the previous one) — and the values of the list-valued ones (DT_NEEDED, DT_RUNPATH, DT_RPATH) up to a cap with
    /// their full count. A dynamic segment of a million entries costs a million decodes and no more memory than a normal one.
    /// </summary>
    internal sealed class DynamicInfo
    {
        private static readonly HashSet<DynamicTag> SingleValued = new HashSet<DynamicTag>
        {
            DynamicTag.StringTable, DynamicTag.StringTableSize, DynamicTag.SymbolTable, DynamicTag.SymbolEntrySize,
            DynamicTag.Hash, DynamicTag.GnuHash, DynamicTag.MipsSymbolCount, DynamicTag.Soname, DynamicTag.Flags,
            DynamicTag.Rela, DynamicTag.RelaSize, DynamicTag.RelaEntrySize, DynamicTag.Rel, DynamicTag.RelSize,
            DynamicTag.RelEntrySize, DynamicTag.JmpRel, DynamicTag.PltRelSize, DynamicTag.PltRel,
            DynamicTag.VersionSymbols, DynamicTag.VersionNeeds, DynamicTag.VersionNeedCount,
            DynamicTag.VersionDefinitions, DynamicTag.VersionDefinitionCount,
        };

        private readonly Dictionary<DynamicTag, ulong> loaderValue = new Dictionary<DynamicTag, ulong>();

        public DynamicInfo(int maxNeeded, int maxSearchPathTags)
        {
            Needed = new Capped<ulong>(maxNeeded);
            Runpath = new Capped<ulong>(maxSearchPathTags);
            Rpath = new Capped<ulong>(maxSearchPathTags);
        }

        /// <summary>String-table offsets of the DT_NEEDED names, in order.</summary>
        public Capped<ulong> Needed { get; }

        /// <summary>String-table offsets of the DT_RUNPATH values (the loader uses one; readelf shows them all).</summary>
        public Capped<ulong> Runpath { get; }

        public Capped<ulong> Rpath { get; }

        public void Add(DynamicEntry entry)
        {
            switch (entry.Tag)
            {
                case DynamicTag.Needed:
                    Needed.Add(entry.Value);
                    return;
                case DynamicTag.Runpath:
                    Runpath.Add(entry.Value);
                    return;
                case DynamicTag.Rpath:
                    Rpath.Add(entry.Value);
                    return;
            }

            if (SingleValued.Contains(entry.Tag))
            {
                loaderValue[entry.Tag] = entry.Value;
            }
        }

        public bool Has(DynamicTag tag) => loaderValue.ContainsKey(tag);

        public ulong? Get(DynamicTag tag) => loaderValue.TryGetValue(tag, out ulong v) ? v : (ulong?)null;
    }
}
