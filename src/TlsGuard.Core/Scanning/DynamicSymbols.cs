using System.Collections.Generic;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// The dynamic symbol table at DT_SYMTAB. Its length comes from the .dynsym section when section headers exist,
    /// otherwise from DT_GNU_HASH, DT_HASH or DT_MIPS_SYMTABNO. With none of them the table is only bounded by its
    /// segment: relocations can still be resolved, but nothing is exported (the loader cannot look symbols up).
    /// </summary>
    internal sealed class DynamicSymbols
    {
        private readonly ElfImage image;
        private readonly long offset;
        private readonly StringTable? strings;

        private DynamicSymbols(ElfImage image, SymbolTable? forLookups, long offset, StringTable? strings)
        {
            this.image = image;
            ForLookups = forLookups;
            this.offset = offset;
            this.strings = strings;
        }

        /// <summary>The table read through the small window, for relocation symbol lookups; null without DT_SYMTAB.</summary>
        public SymbolTable? ForLookups { get; }

        public static DynamicSymbols Locate(ElfImage image, DynamicInfo info, LoadSegmentMap map, StringTable? strings)
        {
            ulong? address = info.Get(DynamicTag.SymbolTable);
            if (address == null)
            {
                return new DynamicSymbols(image, null, 0, null);
            }

            if (strings == null)
            {
                throw new ElfFormatException("DT_SYMTAB without DT_STRTAB");
            }

            int entrySize = SymbolTable.EntrySize(image.Is64);
            ulong? declaredEntrySize = info.Get(DynamicTag.SymbolEntrySize);
            if (declaredEntrySize != null && declaredEntrySize.Value != (ulong)entrySize)
            {
                throw new ElfFormatException("DT_SYMENT is " + declaredEntrySize.Value + ", expected " + entrySize);
            }

            ulong? exact = ExactCount(image, info, map, address.Value, entrySize);
            ulong count = exact ?? map.BytesToSegmentEnd(address.Value) / (ulong)entrySize;
            ulong bytes = Bounds.Product(count, (ulong)entrySize, image.Length, "dynamic symbol table");
            long offset = map.ToOffset(address.Value, bytes, "dynamic symbol table");
            var table = new SymbolTable(image.Small, offset, count, image.Is64, strings, exact != null);
            return new DynamicSymbols(image, table, offset, strings);
        }

        /// <summary>Adds the exported TLS definitions (non-local, defined STT_TLS symbols) in table order.</summary>
        public void CollectDefinedTls(List<string> names)
        {
            if (ForLookups == null || strings == null || !ForLookups.CountIsExact)
            {
                return;
            }

            // The walk streams through the bulk window; names come through the small one.
            var walk = new SymbolTable(image.Bulk, offset, ForLookups.Count, image.Is64, strings, true);
            SymbolTables.CollectDefinedTls(walk, names);
        }

        private static ulong? ExactCount(ElfImage image, DynamicInfo info, LoadSegmentMap map, ulong address, int entrySize)
        {
            foreach (SectionHeader section in image.Sections)
            {
                if (section.Type == SectionType.DynamicSymbols && section.Address == address)
                {
                    if (section.EntrySize != (ulong)entrySize)
                    {
                        throw new ElfFormatException(".dynsym sh_entsize is " + section.EntrySize + ", expected " + entrySize);
                    }

                    return section.Size / (ulong)entrySize;
                }
            }

            ulong? gnuHash = info.Get(DynamicTag.GnuHash);
            if (gnuHash != null)
            {
                return DynamicSymbolCount.FromGnuHash(image.Small, map.ToOffset(gnuHash.Value, 16, "DT_GNU_HASH"), image.Is64);
            }

            ulong? hash = info.Get(DynamicTag.Hash);
            if (hash != null)
            {
                return DynamicSymbolCount.FromSysvHash(image.Small, map.ToOffset(hash.Value, 16, "DT_HASH"), image.Header.Machine, image.Is64);
            }

            if (image.Header.Machine == (ushort)ElfMachine.Mips)
            {
                return info.Get(DynamicTag.MipsSymbolCount);
            }

            return null;
        }
    }
}
