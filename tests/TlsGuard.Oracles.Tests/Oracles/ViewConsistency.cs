using TlsGuard.Fuzz.Mutation;

namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>
    /// Whether a linked file's section headers still describe the bytes its dynamic segment does. TlsGuard reads
    /// shared objects and executables the way the loader does (PT_DYNAMIC, DT_STRTAB, DT_SYMTAB, DT_RELA/DT_REL/DT_JMPREL
    /// through PT_LOAD); ELFSharp and LibObjectFile read .dynamic, .dynstr, .dynsym and the SHF_ALLOC relocation
    /// sections. In every file a linker wrote, both name the same bytes; a mutation that moves one view and not the
    /// other makes the readers answer about different data, and such a disagreement says nothing about either. So does a
    /// relocation table named by several section headers: a section reader counts it once per header, the loader once.
    /// </summary>
    public static class ViewConsistency
    {
        private const uint PtLoad = 1;
        private const uint PtDynamic = 2;
        private const uint ShtStrtab = 3;
        private const uint ShtRela = 4;
        private const uint ShtDynamic = 6;
        private const uint ShtRel = 9;
        private const uint ShtDynsym = 11;
        private const ulong ShfAlloc = 2;

        private sealed record Section(int Index, uint Type, ulong Flags, ulong Address, ulong Offset, ulong Size, uint Link);

        /// <summary>True when the section and segment views agree (always true for files without a dynamic segment or sections).</summary>
        public static bool SectionsMatchSegments(byte[] image)
        {
            ElfLayout? elf = ElfLayout.Of(image);
            if (elf == null || elf.Sections.Count == 0 || elf.Endian.Read(image, 16, 2) == 1)
            {
                // No sections, or an object file (ET_REL): there is only one view.
                return true;
            }

            Endian e = elf.Endian;
            int w = elf.Word;
            var loads = new List<(ulong Vaddr, ulong Offset, ulong Size)>();
            // The last PT_DYNAMIC, the one the loaders and TlsGuard use.
            (ulong Offset, ulong Size)? dynamicSegment = null;
            for (int i = 0; i < elf.ProgramHeaders.Count; i++)
            {
                var f = elf.ProgramHeaderFields(i);
                uint type = (uint)e.Read(image, f[0].Offset, 4);
                if (type == PtLoad)
                {
                    loads.Add((e.Read(image, f[2].Offset, w), e.Read(image, f[1].Offset, w), e.Read(image, f[3].Offset, w)));
                }
                else if (type == PtDynamic)
                {
                    dynamicSegment = (e.Read(image, f[1].Offset, w), e.Read(image, f[3].Offset, w));
                }
            }

            var sections = new List<Section>();
            for (int i = 0; i < elf.Sections.Count; i++)
            {
                var f = elf.SectionFields(i);
                long entry = elf.Sections.Entry(i);
                sections.Add(new Section(i, (uint)e.Read(image, f[0].Offset, 4), e.Read(image, entry + 8, w), e.Read(image, f[1].Offset, w), e.Read(image, f[2].Offset, w), e.Read(image, f[3].Offset, w), (uint)e.Read(image, f[4].Offset, 4)));
            }

            List<Section> dynamicSections = sections.Where(s => s.Type == ShtDynamic).ToList();
            List<Section> relocationSections = sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && (s.Flags & ShfAlloc) != 0 && s.Size != 0).ToList();
            if (dynamicSegment == null)
            {
                // The loader applies nothing without PT_DYNAMIC; sections that still describe dynamic data diverge.
                return dynamicSections.Count == 0 && relocationSections.Count == 0 && !sections.Any(s => s.Type == ShtDynsym);
            }

            if (dynamicSections.Count != 1 || dynamicSections[0].Offset != dynamicSegment.Value.Offset || dynamicSections[0].Size != dynamicSegment.Value.Size)
            {
                return false;
            }

            // The dynamic entries as the segment gives them (the last value of each tag, as the loaders read them).
            var tags = new Dictionary<long, ulong>();
            for (ulong at = dynamicSegment.Value.Offset; at + (ulong)(2 * w) <= Math.Min((ulong)image.Length, dynamicSegment.Value.Offset + dynamicSegment.Value.Size); at += (ulong)(2 * w))
            {
                long tag = w == 8 ? (long)e.Read(image, (long)at, 8) : (int)(uint)e.Read(image, (long)at, 4);
                if (tag == 0)
                {
                    break;
                }

                tags[tag] = e.Read(image, (long)at + w, w);
            }

            ulong? ToOffset(ulong address)
            {
                foreach (var load in loads)
                {
                    if (load.Size != 0 && address >= load.Vaddr && address - load.Vaddr < load.Size)
                    {
                        return load.Offset + (address - load.Vaddr);
                    }
                }

                return null;
            }

            bool Same(Section s, ulong address, ulong? size) => s.Address == address && s.Offset == ToOffset(address) && (size == null || s.Size == size);

            // .dynstr: the table DT_STRTAB/DT_STRSZ name; .dynamic's sh_link must be it.
            Section? strings = null;
            if (tags.TryGetValue(5, out ulong strtab))
            {
                strings = sections.FirstOrDefault(s => s.Type == ShtStrtab && Same(s, strtab, tags.TryGetValue(10, out ulong strsz) ? strsz : null));
                if (strings == null || dynamicSections[0].Link != strings.Index)
                {
                    return false;
                }
            }

            // .dynsym: at DT_SYMTAB, its names in the same string table.
            List<Section> dynsyms = sections.Where(s => s.Type == ShtDynsym).ToList();
            if (tags.TryGetValue(6, out ulong symtab))
            {
                if (dynsyms.Count != 1 || !Same(dynsyms[0], symtab, null) || strings == null || dynsyms[0].Link != strings.Index)
                {
                    return false;
                }
            }
            else if (dynsyms.Count != 0)
            {
                return false;
            }

            // The allocated relocation sections cover exactly the bytes of DT_RELA, DT_REL and DT_JMPREL.
            var segmentTables = new SortedSet<(ulong, ulong)>();
            foreach ((long addressTag, long sizeTag) in new[] { (7L, 8L), (17L, 18L), (23L, 2L) })
            {
                if (tags.TryGetValue(addressTag, out ulong address) && tags.TryGetValue(sizeTag, out ulong size) && size != 0)
                {
                    if (ToOffset(address) is not ulong offset)
                    {
                        return false;
                    }

                    segmentTables.Add((offset, offset + size));
                }
            }

            // ... and name each byte once: the loader applies a table once however many headers describe it.
            var sectionTables = relocationSections.Select(s => (s.Offset, s.Offset + s.Size)).ToList();
            ulong named = sectionTables.Aggregate(0UL, (sum, r) => sum + (r.Item2 - r.Item1));
            return Covers(segmentTables) == Covers(sectionTables) && named == CoveredBytes(sectionTables);
        }

        private static ulong CoveredBytes(IEnumerable<(ulong Start, ulong End)> ranges) =>
            Merge(ranges).Aggregate(0UL, (sum, r) => sum + (r.End - r.Start));

        /// <summary>The union of byte ranges as sorted, merged intervals, for comparing two tilings of the same bytes.</summary>
        private static string Covers(IEnumerable<(ulong Start, ulong End)> ranges) =>
            string.Join(",", Merge(ranges).Select(r => r.Start + "-" + r.End));

        private static List<(ulong Start, ulong End)> Merge(IEnumerable<(ulong Start, ulong End)> ranges)
        {
            var merged = new List<(ulong Start, ulong End)>();
            foreach (var r in ranges.OrderBy(r => r.Start))
            {
                if (merged.Count > 0 && r.Start <= merged[^1].End)
                {
                    merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
                }
                else
                {
                    merged.Add(r);
                }
            }

            return merged;
        }
    }
}
