using TlsGuard.Core.Elf;
using TlsGuard.Core.Tls;

namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>
    /// Edits that know the ELF layout: header fields, program and section headers (counts, offsets, sizes, entsize,
    /// overlapping and duplicated ranges), dynamic tags and values, relocation r_info (TLS types of the file's machine,
    /// symbol indices), symbols and string tables. Each picks its target from <see cref="ElfLayout"/>.
    /// </summary>
    internal static class ElfMutators
    {
        private static readonly long[] DynamicTags =
        {
            (long)DynamicTag.Null, (long)DynamicTag.Needed, (long)DynamicTag.PltRelSize, (long)DynamicTag.Hash, (long)DynamicTag.StringTable,
            (long)DynamicTag.SymbolTable, (long)DynamicTag.Rela, (long)DynamicTag.RelaSize, (long)DynamicTag.RelaEntrySize,
            (long)DynamicTag.StringTableSize, (long)DynamicTag.SymbolEntrySize, (long)DynamicTag.Soname, (long)DynamicTag.Rpath,
            (long)DynamicTag.Rel, (long)DynamicTag.RelSize, (long)DynamicTag.RelEntrySize, (long)DynamicTag.PltRel,
            (long)DynamicTag.JmpRel, (long)DynamicTag.Runpath, (long)DynamicTag.Flags, (long)DynamicTag.RelrSize,
            (long)DynamicTag.Relr, (long)DynamicTag.RelrEntrySize, (long)DynamicTag.GnuHash, (long)DynamicTag.VersionNeeds,
            (long)DynamicTag.VersionNeedCount, (long)DynamicTag.Flags1, (long)DynamicTag.MipsSymbolCount,
        };

        private static readonly uint[] SectionTypes = { 0, 1, 2, 3, 4, 6, 8, 9, 11, 0x13, 0x6ffffff6 };

        public static IReadOnlyList<Mutator> All { get; } = new[]
        {
            new Mutator("elf-header-field", HeaderField),
            new Mutator("program-header-field", ProgramHeaderField),
            new Mutator("program-header-copy", ProgramHeaderCopy),
            new Mutator("section-header-field", SectionHeaderField),
            new Mutator("section-header-duplicate", SectionHeaderDuplicate),
            new Mutator("dynamic-tag", DynamicEntryTag),
            new Mutator("dynamic-value", DynamicEntryValue),
            new Mutator("dynamic-repeat", DynamicRepeat),
            new Mutator("relocation-info", RelocationInfo),
            new Mutator("symbol-field", SymbolField),
            new Mutator("string-table", StringTable),
        };

        private static byte[]? HeaderField(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null)
            {
                return null;
            }

            Field f = Pick(random, elf.HeaderFields);
            ulong value = f.Width == 1 ? (ulong)random.Next(4) : random.Next(3) == 0 ? Interesting.Nudge(random, elf.Endian.Read(data, f.Offset, f.Width)) : Interesting.Pick(random, data.Length);
            elf.Endian.Write(data, f.Offset, f.Width, value);
            return data;
        }

        private static byte[]? ProgramHeaderField(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.ProgramHeaders.Count == 0)
            {
                return null;
            }

            IReadOnlyList<Field> fields = elf.ProgramHeaderFields(random.Next(elf.ProgramHeaders.Count));
            int which = random.Next(fields.Count);
            Field f = fields[which];
            ulong value = which == 0
                ? new ulong[] { 0, 1, 2, 3, 4, 6, 7, 0x6474e550, 0x6474e551, 0x6474e552 }[random.Next(10)]
                : random.Next(3) == 0 ? Interesting.Nudge(random, elf.Endian.Read(data, f.Offset, f.Width)) : Interesting.Pick(random, data.Length);
            elf.Endian.Write(data, f.Offset, f.Width, value);
            return data;
        }

        /// <summary>One program header copied over another: two PT_DYNAMIC or PT_TLS, or overlapping PT_LOADs.</summary>
        private static byte[]? ProgramHeaderCopy(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.ProgramHeaders.Count < 2)
            {
                return null;
            }

            CopyEntry(data, elf.ProgramHeaders, random.Next(elf.ProgramHeaders.Count), random.Next(elf.ProgramHeaders.Count));
            return data;
        }

        private static byte[]? SectionHeaderField(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.Sections.Count == 0)
            {
                return null;
            }

            int index = random.Next(elf.Sections.Count);
            IReadOnlyList<Field> fields = elf.SectionFields(index);
            int which = random.Next(fields.Count);
            Field f = fields[which];
            ulong value = which switch
            {
                0 => SectionTypes[random.Next(SectionTypes.Length)],
                4 or 5 => random.Next(2) == 0 ? (ulong)random.Next(elf.Sections.Count + 2) : Interesting.Pick(random, data.Length),
                6 => new ulong[] { 0, 1, 4, 8, 12, 16, 24, 0xffff, ulong.MaxValue }[random.Next(9)],
                _ => random.Next(3) == 0 ? Interesting.Nudge(random, elf.Endian.Read(data, f.Offset, f.Width)) : Interesting.Pick(random, data.Length),
            };
            elf.Endian.Write(data, f.Offset, f.Width, value);
            return data;
        }

        /// <summary>
        /// Several section headers made copies of one (a symbol or relocation table, say), so many headers name the same
        /// range: the shape that makes a reader count one table many times.
        /// </summary>
        private static byte[]? SectionHeaderDuplicate(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.Sections.Count < 2)
            {
                return null;
            }

            int source = random.Next(elf.Sections.Count);
            int copies = 1 + random.Next(elf.Sections.Count - 1);
            for (int n = 0; n < copies; n++)
            {
                int target = random.Next(elf.Sections.Count);
                if (target != source)
                {
                    CopyEntry(data, elf.Sections, source, target);
                }
            }

            return data;
        }

        private static byte[]? DynamicEntryTag(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.Dynamic.Count == 0)
            {
                return null;
            }

            long at = elf.Dynamic.Entry(random.Next(elf.Dynamic.Count));
            elf.Endian.Write(data, at, elf.Word, (ulong)DynamicTags[random.Next(DynamicTags.Length)]);
            return data;
        }

        /// <summary>A d_val edit: an interesting integer, a nudge, or another entry's value (a size where an address belongs).</summary>
        private static byte[]? DynamicEntryValue(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.Dynamic.Count == 0)
            {
                return null;
            }

            long at = elf.Dynamic.Entry(random.Next(elf.Dynamic.Count)) + elf.Word;
            ulong current = elf.Endian.Read(data, at, elf.Word);
            ulong value = random.Next(3) switch
            {
                0 => Interesting.Nudge(random, current),
                1 => elf.Endian.Read(data, elf.Dynamic.Entry(random.Next(elf.Dynamic.Count)) + elf.Word, elf.Word),
                _ => Interesting.Pick(random, data.Length),
            };
            elf.Endian.Write(data, at, elf.Word, value);
            return data;
        }

        /// <summary>One dynamic entry (DT_NEEDED, DT_RUNPATH ...) copied over the entries after it, DT_NULL included when
        /// the segment has room: the repeated-name shape.</summary>
        private static byte[]? DynamicRepeat(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.Dynamic.Count < 2)
            {
                return null;
            }

            int source = random.Next(elf.Dynamic.Count - 1);
            int last = Math.Min(elf.Dynamic.Count - 1, source + 1 + random.Next(elf.Dynamic.Count));
            for (int target = source + 1; target <= last; target++)
            {
                CopyEntry(data, elf.Dynamic, source, target);
            }

            return data;
        }

        /// <summary>r_info rewritten: a TLS type of this machine (or any type) against symbol 0, a real index, or one past every table.</summary>
        private static byte[]? RelocationInfo(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.RelocationTables.Count == 0)
            {
                return null;
            }

            EntryTable table = Pick(random, elf.RelocationTables);
            if (table.Count == 0)
            {
                return null;
            }

            MachineTlsTable? tls = TlsRelocationTables.ForMachine(elf.Machine);
            int edits = 1 + random.Next(Math.Min(table.Count, 8));
            for (int n = 0; n < edits; n++)
            {
                Field info = elf.RelocationInfo(table, random.Next(table.Count));
                uint type = tls != null && random.Next(4) != 0 ? tls.Relocations[random.Next(tls.Relocations.Count)].Number : (uint)random.Next(256);
                uint symbol = random.Next(4) switch
                {
                    0 => 0,
                    1 => (uint)random.Next(64),
                    2 => (uint)Interesting.Pick(random, data.Length),
                    _ => (uint)(elf.Endian.Read(data, info.Offset, info.Width) >> (elf.Is64 ? 32 : 8)),
                };
                WriteInfo(elf, data, info, tls?.Layout64 ?? RelocationInfoLayout.Standard, type, symbol);
            }

            return data;
        }

        /// <summary>st_name (into the middle of a name, past the table), st_info (STT_TLS, bindings), st_shndx (undefined,
        /// SHN_ABS, SHN_XINDEX, out of range) or st_value.</summary>
        private static byte[]? SymbolField(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.SymbolTables.Count == 0)
            {
                return null;
            }

            EntryTable table = Pick(random, elf.SymbolTables);
            if (table.Count == 0)
            {
                return null;
            }

            IReadOnlyList<Field> fields = elf.SymbolFields(table, random.Next(table.Count));
            int which = random.Next(fields.Count);
            Field f = fields[which];
            ulong value = which switch
            {
                0 => random.Next(2) == 0 ? Interesting.Nudge(random, elf.Endian.Read(data, f.Offset, f.Width)) : Interesting.Pick(random, data.Length),
                1 => (ulong)((random.Next(3) << 4) | new[] { 0, 1, 2, 3, 6, 10 }[random.Next(6)]),
                2 => new ulong[] { 0, 1, 2, 0xfff1, 0xfff2, 0xffff, (ulong)random.Next(64) }[random.Next(7)],
                _ => Interesting.Pick(random, data.Length),
            };
            elf.Endian.Write(data, f.Offset, f.Width, value);
            return data;
        }

        /// <summary>A string table edit: its NULs overwritten (names that run on to the table's end or past it), or one
        /// name stretched over its neighbours.</summary>
        private static byte[]? StringTable(Random random, byte[] data)
        {
            ElfLayout? elf = ElfLayout.Of(data);
            if (elf == null || elf.StringTables.Count == 0)
            {
                return null;
            }

            (long offset, long size) = Pick(random, elf.StringTables);
            if (size <= 1 || offset < 0 || offset >= data.Length)
            {
                return null;
            }

            long start = offset + random.NextInt64(size);
            long end = random.Next(3) == 0 ? offset + size : Math.Min(offset + size, start + 1 + random.Next(256));
            byte fill = random.Next(2) == 0 ? (byte)'A' : (byte)random.Next(1, 256);
            for (long p = start; p < end && p < data.Length; p++)
            {
                data[p] = fill;
            }

            return data;
        }

        private static void WriteInfo(ElfLayout elf, byte[] data, Field info, RelocationInfoLayout layout, uint type, uint symbol)
        {
            if (!elf.Is64)
            {
                elf.Endian.Write(data, info.Offset, 4, ((ulong)symbol << 8) | (type & 0xff));
                return;
            }

            switch (layout)
            {
                case RelocationInfoLayout.Mips64:
                    elf.Endian.Write(data, info.Offset, 4, symbol);
                    elf.Endian.Write(data, info.Offset + 4, 4, 0);
                    elf.Endian.Write(data, info.Offset + 7, 1, type & 0xff);
                    break;
                case RelocationInfoLayout.SparcV9:
                    elf.Endian.Write(data, info.Offset, 8, ((ulong)symbol << 32) | (type & 0xff));
                    break;
                default:
                    elf.Endian.Write(data, info.Offset, 8, ((ulong)symbol << 32) | type);
                    break;
            }
        }

        private static void CopyEntry(byte[] data, EntryTable table, int from, int to)
        {
            long source = table.Entry(from);
            long target = table.Entry(to);
            if (source + table.EntrySize <= data.Length && target + table.EntrySize <= data.Length)
            {
                Buffer.BlockCopy(data, (int)source, data, (int)target, table.EntrySize);
            }
        }

        private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
