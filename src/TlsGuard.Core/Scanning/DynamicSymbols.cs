using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// The dynamic symbol table at DT_SYMTAB. Its length comes from the .dynsym section when section headers exist,
    /// otherwise from DT_GNU_HASH, DT_HASH or DT_MIPS_SYMTABNO. With none of them the table is only bounded by its
    /// segment: relocations can still be resolved, but nothing is exported (the loader cannot look symbols up) and no
    /// import is listed.
    /// </summary>
    internal sealed class DynamicSymbols
    {
        /// <summary>Hides a version from the static linker; the index is the low 15 bits (GNU versioning specification).</summary>
        private const ushort HiddenVersionBit = 0x8000;

        /// <summary>DT_VERSYM values 0 (local) and 1 (global, unversioned) name no version.</summary>
        private const ushort FirstVersionIndex = 2;

        private DynamicSymbols(SymbolTable? forLookups)
        {
            ForLookups = forLookups;
        }

        /// <summary>The table read through the small window, for relocation symbol lookups; null without DT_SYMTAB.</summary>
        public SymbolTable? ForLookups { get; }

        public static DynamicSymbols Locate(ElfImage image, DynamicInfo info, LoadSegmentMap map, StringTable? strings)
        {
            ulong? address = info.Get(DynamicTag.SymbolTable);
            if (address == null)
            {
                return new DynamicSymbols(null);
            }

            if (strings == null)
            {
                throw new ElfFormatException("DT_SYMTAB without DT_STRTAB");
            }

            int entrySize = image.Small.Decoder.SymbolSize;
            ulong? declaredEntrySize = info.Get(DynamicTag.SymbolEntrySize);
            if (declaredEntrySize != null && declaredEntrySize.Value != (ulong)entrySize)
            {
                throw new ElfFormatException("DT_SYMENT is " + declaredEntrySize.Value + ", expected " + entrySize);
            }

            ulong? exact = ExactCount(image, info, map, address.Value, entrySize);
            ulong count = exact ?? map.BytesToSegmentEnd(address.Value) / (ulong)entrySize;
            ulong bytes = Bounds.Product(count, (ulong)entrySize, image.Length, "dynamic symbol table");
            long offset = map.ToOffset(address.Value, bytes, "dynamic symbol table");
            return new DynamicSymbols(new SymbolTable(image.Small, offset, count, strings, exact != null));
        }

        /// <summary>
        /// One pass over the table: the exported TLS definitions (non-local, defined STT_TLS symbols) and the undefined
        /// symbols bound to a needed version, both in table order. Names past a list's cap are counted, not read.
        /// </summary>
        public void Walk(ElfImage image, DynamicInfo info, LoadSegmentMap map, SymbolVersions versions, ScanResultBuilder builder)
        {
            if (ForLookups == null || !ForLookups.CountIsExact)
            {
                return;
            }

            // The walk streams through the bulk window and versions through their own. The names it reads (up to a
            // thousand imports, scattered over DT_STRTAB) come from the whole string table read once when it is small
            // enough (already in memory when the image's region holds it), else through the small window.
            using WindowedReader? versym = OpenVersionSymbols(image, info, map, ForLookups.Count, out long versymOffset);
            bool importsToo = versym != null;
            bool namesInRegion = image.RegionHolds(ForLookups.Names.Offset, ForLookups.Names.Size);
            using WindowedReader? names = importsToo && !namesInRegion ? LoadNames(image, ForLookups.Names) : null;
            SymbolTable walk = ForLookups.Through(image.Bulk, names == null ? ForLookups.Names : ForLookups.Names.Through(names));
            for (ulong i = walk.NextTlsDefinitionOrImport(1, importsToo); i < walk.Count; i = walk.NextTlsDefinitionOrImport(i + 1, importsToo))
            {
                Symbol symbol = walk.Get(i);
                if (symbol.Binding == SymbolBinding.Local)
                {
                    continue;
                }

                if (symbol.IsDefined)
                {
                    if (symbol.Type == SymbolType.Tls)
                    {
                        AddName(builder.DefinedTlsSymbols, walk, symbol);
                    }

                    continue;
                }

                if (versym == null)
                {
                    continue;
                }

                ushort index = (ushort)(versym.U16(versymOffset + 2 * (long)i) & ~HiddenVersionBit);
                if (index < FirstVersionIndex)
                {
                    continue;
                }

                if (versions.TryGetNeeded(index, out string version, out string file))
                {
                    if (builder.VersionedImports.IsFull)
                    {
                        builder.VersionedImports.CountOnly();
                    }
                    else
                    {
                        builder.VersionedImports.Add(new VersionedImport(walk.NameOf(symbol), version, file, symbol.Binding == SymbolBinding.Weak));
                    }
                }
                else if (!versions.IsDefined(index))
                {
                    throw new ElfFormatException("dynamic symbol " + i + " has version index " + index + ", which neither DT_VERNEED nor DT_VERDEF declares");
                }
            }
        }

        private static void AddName(Capped<string> names, SymbolTable table, Symbol symbol)
        {
            if (names.IsFull)
            {
                names.CountOnly();
            }
            else
            {
                names.Add(table.NameOf(symbol));
            }
        }

        /// <summary>A window holding the whole string table, or null when it is larger than the pool lends.</summary>
        private static WindowedReader? LoadNames(ElfImage image, StringTable strings)
        {
            if (strings.Size <= 0 || strings.Size > BufferPool.MaxTableSize)
            {
                return null;
            }

            WindowedReader names = image.OpenReader(BufferPool.TableSize(strings.Size));
            try
            {
                names.Load(strings.Offset, (int)strings.Size);
                return names;
            }
            catch
            {
                names.Dispose();
                throw;
            }
        }

        /// <summary>DT_VERSYM: one 16-bit version index per dynamic symbol, read through a window of its own.</summary>
        private static WindowedReader? OpenVersionSymbols(ElfImage image, DynamicInfo info, LoadSegmentMap map, ulong count, out long offset)
        {
            offset = 0;
            ulong? address = info.Get(DynamicTag.VersionSymbols);
            if (address == null)
            {
                return null;
            }

            ulong bytes = Bounds.Product(count, 2, image.Length, "DT_VERSYM");
            offset = map.ToOffset(address.Value, bytes, "DT_VERSYM");
            return image.OpenReader(BufferPool.SmallSize);
        }

        private static ulong? ExactCount(ElfImage image, DynamicInfo info, LoadSegmentMap map, ulong address, int entrySize)
        {
            for (ulong i = 0; i < image.Sections.Count; i++)
            {
                SectionHeader section = image.Sections[i];
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
                return DynamicSymbolCount.FromGnuHash(image.Small, map.ToOffset(gnuHash.Value, 16, "DT_GNU_HASH"));
            }

            ulong? hash = info.Get(DynamicTag.Hash);
            if (hash != null)
            {
                return DynamicSymbolCount.FromSysvHash(image.Small, map.ToOffset(hash.Value, 16, "DT_HASH"), image.Header.Machine);
            }

            if (image.Header.Machine == (ushort)ElfMachine.Mips)
            {
                return info.Get(DynamicTag.MipsSymbolCount);
            }

            return null;
        }
    }
}
