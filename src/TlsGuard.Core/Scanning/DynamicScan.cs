using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Shared objects and executables, read the way the loader reads them: everything comes from PT_DYNAMIC and the
    /// PT_LOAD segments, so a file without section headers gives the same answer, and no relocation is counted twice.
    /// </summary>
    internal static class DynamicScan
    {
        public static void Run(ElfImage image, ScanResultBuilder builder)
        {
            ProgramHeader? segment = image.FindSegment(ProgramHeaderType.Dynamic);
            if (segment == null)
            {
                // A static executable: the loader applies no relocations.
                return;
            }

            var info = new DynamicInfo(DynamicSectionReader.Read(image.Small, segment, image.Is64));
            var map = new LoadSegmentMap(image.ProgramHeaders, image.Length);
            builder.DfStaticTls = ((info.Get(DynamicTag.Flags) ?? 0) & (ulong)DynamicFlags.StaticTls) != 0;
            StringTable? strings = DynamicStrings(image, info, map);
            ReadNames(info, strings, builder);
            if (image.Tls == null)
            {
                return;
            }

            DynamicSymbols symbols = DynamicSymbols.Locate(image, info, map, strings);
            foreach (RelocationTable table in DynamicRelocationTables.Locate(info, map, image.Is64, symbols.ForLookups))
            {
                RelocationScan.Count(image, image.Tls, table, builder.Tally);
            }

            symbols.CollectDefinedTls(builder.DefinedTlsSymbols);
        }

        private static StringTable? DynamicStrings(ElfImage image, DynamicInfo info, LoadSegmentMap map)
        {
            ulong? address = info.Get(DynamicTag.StringTable);
            if (address == null)
            {
                return null;
            }

            ulong size = info.Get(DynamicTag.StringTableSize) ?? map.BytesToSegmentEnd(address.Value);
            long offset = map.ToOffset(address.Value, size, "DT_STRTAB");
            return new StringTable(image.Small, offset, (long)size);
        }

        private static void ReadNames(DynamicInfo info, StringTable? strings, ScanResultBuilder builder)
        {
            foreach (DynamicEntry entry in info.Entries)
            {
                switch (entry.Tag)
                {
                    case DynamicTag.Needed:
                        builder.Needed.Add(Name(strings, entry));
                        break;
                    case DynamicTag.Soname:
                        builder.Soname = Name(strings, entry);
                        break;
                    case DynamicTag.Runpath:
                        builder.Runpath.AddRange(ScanResultBuilder.SplitSearchPath(Name(strings, entry)));
                        break;
                    case DynamicTag.Rpath:
                        builder.Rpath.AddRange(ScanResultBuilder.SplitSearchPath(Name(strings, entry)));
                        break;
                }
            }
        }

        private static string Name(StringTable? strings, DynamicEntry entry)
        {
            if (strings == null)
            {
                throw new ElfFormatException("DT_" + entry.Tag.ToString().ToUpperInvariant() + " without a DT_STRTAB");
            }

            return strings.Get(entry.Value);
        }
    }
}
