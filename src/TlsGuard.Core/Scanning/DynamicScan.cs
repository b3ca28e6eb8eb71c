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

            DynamicInfo info = DynamicSectionReader.Read(image.Small, segment, ScanLimits.Needed, ScanLimits.SearchPathEntries);
            var map = new LoadSegmentMap(image.ProgramHeaders, image.Length);
            var (start, end) = DynamicTableSpan.Of(info, map);
            image.ReadRegion(start, end - start);
            builder.DfStaticTls = ((info.Get(DynamicTag.Flags) ?? 0) & (ulong)DynamicFlags.StaticTls) != 0;
            StringTable? strings = DynamicStrings(image, info, map);
            ReadNames(info, strings, image.Strings, builder);
            SymbolVersions versions = SymbolVersions.Read(image, info, map, strings, builder);
            if (image.Tls == null)
            {
                return;
            }

            DynamicSymbols symbols = DynamicSymbols.Locate(image, info, map, strings);
            var resolver = new TlsSymbolResolver(symbols.ForLookups, builder.Tally);
            foreach (RelocationTable table in DynamicRelocationTables.Locate(info, map, image.Small.Decoder, symbols.ForLookups))
            {
                RelocationScan.Count(image, image.Tls, table, resolver, builder.Tally);
            }

            symbols.Walk(image, info, map, versions, builder);
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
            return new StringTable(image.Small, image.Strings, offset, (long)size);
        }

        private static void ReadNames(DynamicInfo info, StringTable? strings, StringPool pool, ScanResultBuilder builder)
        {
            foreach (ulong name in info.Needed.Items)
            {
                builder.Needed.Add(Require(strings, "DT_NEEDED").Path(name, "DT_NEEDED name"));
            }

            for (int more = info.Needed.Items.Count; more < info.Needed.Total; more++)
            {
                builder.Needed.CountOnly();
            }

            ulong? soname = info.Get(DynamicTag.Soname);
            if (soname != null)
            {
                builder.Soname = Require(strings, "DT_SONAME").Path(soname.Value, "DT_SONAME");
            }

            AddSearchPaths(info.Runpath, strings, pool, "DT_RUNPATH", builder.Runpath);
            AddSearchPaths(info.Rpath, strings, pool, "DT_RPATH", builder.Rpath);
        }

        private static void AddSearchPaths(Capped<ulong> tags, StringTable? strings, StringPool pool, string what, Capped<string> entries)
        {
            foreach (ulong value in tags.Items)
            {
                ScanResultBuilder.AddSearchPath(entries, Require(strings, what).PathList(value, what), pool);
            }

            if (tags.Total > tags.Items.Count)
            {
                throw new ElfFormatException("more than " + tags.Limit + " " + what + " entries");
            }
        }

        private static StringTable Require(StringTable? strings, string tag) =>
            strings ?? throw new ElfFormatException(tag + " without a DT_STRTAB");
    }
}
