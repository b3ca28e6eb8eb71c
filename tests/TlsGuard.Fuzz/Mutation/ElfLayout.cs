namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>A field of an ELF structure: where it is in the file and how wide.</summary>
    internal readonly record struct Field(long Offset, int Width);

    /// <summary>A table of fixed-size entries in the file (program headers, sections, dynamic entries, relocations, symbols).</summary>
    internal readonly record struct EntryTable(long Offset, int EntrySize, int Count)
    {
        public long Entry(int index) => Offset + (long)index * EntrySize;
    }

    /// <summary>
    /// Where the structures of an ELF image are, found the way a mutator needs them: by the offsets the (unmutated)
    /// fixture states, with every range clipped to the file. It decodes layout only; the facts under test come from
    /// readelf's manifest and the oracles, never from here.
    /// </summary>
    internal sealed class ElfLayout
    {
        private const uint PtLoad = 1;
        private const uint PtDynamic = 2;
        private const uint ShtSymtab = 2;
        private const uint ShtStrtab = 3;
        private const uint ShtRela = 4;
        private const uint ShtRel = 9;
        private const uint ShtDynsym = 11;

        private ElfLayout(byte[] data)
        {
            Is64 = data[4] == 2;
            Endian = new Endian(data[5] == 2);
            Machine = (ushort)Endian.Read(data, 18, 2);
            Word = Is64 ? 8 : 4;
            long phoff = (long)Math.Min((ulong)data.Length, Endian.Read(data, Is64 ? 0x20 : 0x1c, Word));
            long shoff = (long)Math.Min((ulong)data.Length, Endian.Read(data, Is64 ? 0x28 : 0x20, Word));
            int phnum = (int)Endian.Read(data, Is64 ? 0x38 : 0x2c, 2);
            int shnum = (int)Endian.Read(data, Is64 ? 0x3c : 0x30, 2);
            ProgramHeaders = Clip(data, phoff, Is64 ? 56 : 32, phnum);
            Sections = shoff == 0 ? new EntryTable(0, Is64 ? 64 : 40, 0) : Clip(data, shoff, Is64 ? 64 : 40, shnum);
            FindDynamic(data);
            FindSectionTables(data);
        }

        public bool Is64 { get; }
        public Endian Endian { get; }
        public ushort Machine { get; }
        public int Word { get; }
        public EntryTable ProgramHeaders { get; }
        public EntryTable Sections { get; }
        public EntryTable Dynamic { get; private set; }
        public List<EntryTable> RelocationTables { get; } = new();
        public List<EntryTable> SymbolTables { get; } = new();
        public List<(long Offset, long Size)> StringTables { get; } = new();

        /// <summary>The layout of an ELF image, or null for anything too short to have a header.</summary>
        public static ElfLayout? Of(byte[] data) =>
            data.Length >= 64 && data[0] == 0x7f && data[1] == (byte)'E' && data[2] == (byte)'L' && data[3] == (byte)'F' && (data[4] == 1 || data[4] == 2)
                ? new ElfLayout(data)
                : null;

        /// <summary>The file header's fields a mutator may change (e_ident class and data, e_type ... e_shstrndx).</summary>
        public IReadOnlyList<Field> HeaderFields => Is64
            ? new Field[] { new(4, 1), new(5, 1), new(16, 2), new(18, 2), new(0x20, 8), new(0x28, 8), new(0x36, 2), new(0x38, 2), new(0x3a, 2), new(0x3c, 2), new(0x3e, 2) }
            : new Field[] { new(4, 1), new(5, 1), new(16, 2), new(18, 2), new(0x1c, 4), new(0x20, 4), new(0x2a, 2), new(0x2c, 2), new(0x2e, 2), new(0x30, 2), new(0x32, 2) };

        /// <summary>p_type, p_offset, p_vaddr, p_filesz, p_memsz, p_align of program header <paramref name="index"/>.</summary>
        public IReadOnlyList<Field> ProgramHeaderFields(int index)
        {
            long e = ProgramHeaders.Entry(index);
            return Is64
                ? new Field[] { new(e, 4), new(e + 8, 8), new(e + 16, 8), new(e + 32, 8), new(e + 40, 8), new(e + 48, 8) }
                : new Field[] { new(e, 4), new(e + 4, 4), new(e + 8, 4), new(e + 16, 4), new(e + 20, 4), new(e + 28, 4) };
        }

        /// <summary>sh_type, sh_addr, sh_offset, sh_size, sh_link, sh_info, sh_entsize of section <paramref name="index"/>.</summary>
        public IReadOnlyList<Field> SectionFields(int index)
        {
            long e = Sections.Entry(index);
            return Is64
                ? new Field[] { new(e + 4, 4), new(e + 16, 8), new(e + 24, 8), new(e + 32, 8), new(e + 40, 4), new(e + 44, 4), new(e + 56, 8) }
                : new Field[] { new(e + 4, 4), new(e + 12, 4), new(e + 16, 4), new(e + 20, 4), new(e + 24, 4), new(e + 28, 4), new(e + 36, 4) };
        }

        public Field SectionType(int index) => new(Sections.Entry(index) + 4, 4);

        /// <summary>r_info of relocation <paramref name="index"/> in <paramref name="table"/>.</summary>
        public Field RelocationInfo(EntryTable table, int index) => new(table.Entry(index) + Word, Word);

        /// <summary>st_name, st_info, st_shndx, st_value of symbol <paramref name="index"/>.</summary>
        public IReadOnlyList<Field> SymbolFields(EntryTable table, int index)
        {
            long e = table.Entry(index);
            return Is64
                ? new Field[] { new(e, 4), new(e + 4, 1), new(e + 6, 2), new(e + 8, 8) }
                : new Field[] { new(e, 4), new(e + 12, 1), new(e + 14, 2), new(e + 4, 4) };
        }

        private static EntryTable Clip(byte[] data, long offset, int entrySize, int count)
        {
            if (offset < 0 || offset > data.Length)
            {
                return new EntryTable(0, entrySize, 0);
            }

            long fit = Math.Max(0, (data.Length - offset) / entrySize);
            return new EntryTable(offset, entrySize, (int)Math.Min(count, fit));
        }

        /// <summary>PT_DYNAMIC, up to DT_NULL; DT_STRTAB and the relocation tables it names, mapped through PT_LOAD.</summary>
        private void FindDynamic(byte[] data)
        {
            var loads = new List<(ulong Vaddr, ulong Offset, ulong FileSize)>();
            EntryTable? dynamic = null;
            for (int i = 0; i < ProgramHeaders.Count; i++)
            {
                IReadOnlyList<Field> f = ProgramHeaderFields(i);
                uint type = (uint)Endian.Read(data, f[0].Offset, 4);
                ulong offset = Endian.Read(data, f[1].Offset, Word);
                ulong vaddr = Endian.Read(data, f[2].Offset, Word);
                ulong fileSize = Endian.Read(data, f[3].Offset, Word);
                if (type == PtLoad)
                {
                    loads.Add((vaddr, offset, fileSize));
                }
                else if (type == PtDynamic && offset < (ulong)data.Length)
                {
                    int entrySize = 2 * Word;
                    dynamic = Clip(data, (long)offset, entrySize, (int)Math.Min(fileSize / (ulong)entrySize, 4096));
                }
            }

            if (dynamic == null)
            {
                Dynamic = new EntryTable(0, 2 * Word, 0);
                return;
            }

            int count = 0;
            var values = new Dictionary<long, ulong>();
            while (count < dynamic.Value.Count)
            {
                long tag = (long)Endian.Read(data, dynamic.Value.Entry(count), Word);
                count++;
                if (tag == 0)
                {
                    break;
                }

                values.TryAdd(tag, Endian.Read(data, dynamic.Value.Entry(count - 1) + Word, Word));
            }

            Dynamic = dynamic.Value with { Count = count };
            long? ToOffset(ulong address)
            {
                foreach (var load in loads)
                {
                    // Only offsets inside the file: mutated headers map addresses anywhere.
                    ulong offset = load.Offset + (address - load.Vaddr);
                    if (address >= load.Vaddr && address - load.Vaddr < load.FileSize && offset < (ulong)data.Length)
                    {
                        return (long)offset;
                    }
                }

                return null;
            }

            void AddRelocations(long addressTag, long sizeTag, int entrySize)
            {
                if (values.TryGetValue(addressTag, out ulong address) && values.TryGetValue(sizeTag, out ulong size) && ToOffset(address) is long at)
                {
                    RelocationTables.Add(Clip(data, at, entrySize, (int)Math.Min(size / (ulong)entrySize, 1 << 20)));
                }
            }

            AddRelocations(7, 8, 3 * Word);
            AddRelocations(17, 18, 2 * Word);
            bool pltRela = !values.TryGetValue(20, out ulong pltKind) || pltKind == 7;
            AddRelocations(23, 2, (pltRela ? 3 : 2) * Word);
            if (values.TryGetValue(5, out ulong strtab) && ToOffset(strtab) is long stringsAt)
            {
                StringTables.Add((stringsAt, (long)Math.Min(values.GetValueOrDefault(10), (ulong)(data.Length - stringsAt))));
            }

            if (values.TryGetValue(6, out ulong symtab) && ToOffset(symtab) is long symbolsAt)
            {
                // Without section headers the count is unknown here; a few entries are enough to mutate.
                SymbolTables.Add(Clip(data, symbolsAt, Is64 ? 24 : 16, 16));
            }
        }

        private void FindSectionTables(byte[] data)
        {
            for (int i = 0; i < Sections.Count; i++)
            {
                IReadOnlyList<Field> f = SectionFields(i);
                uint type = (uint)Endian.Read(data, f[0].Offset, 4);
                ulong offset = Endian.Read(data, f[2].Offset, Word);
                ulong size = Endian.Read(data, f[3].Offset, Word);
                ulong entrySize = Endian.Read(data, f[6].Offset, Word);
                if (offset >= (ulong)data.Length || entrySize == 0 || entrySize > 64)
                {
                    if (type == ShtStrtab && offset < (ulong)data.Length)
                    {
                        StringTables.Add(((long)offset, (long)Math.Min(size, (ulong)data.Length - offset)));
                    }

                    continue;
                }

                var table = Clip(data, (long)offset, (int)entrySize, (int)Math.Min(size / entrySize, 1 << 20));
                switch (type)
                {
                    case ShtRela:
                    case ShtRel:
                        RelocationTables.Add(table);
                        break;
                    case ShtSymtab:
                    case ShtDynsym:
                        SymbolTables.Add(table);
                        break;
                }
            }
        }
    }
}
