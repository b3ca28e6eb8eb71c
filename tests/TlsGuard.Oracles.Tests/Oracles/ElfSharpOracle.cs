using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using ELFSharp.ELF.Segments;

namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>What ELFSharp 2.17.3 says about one ELF image.</summary>
    public sealed record ElfSharpFacts(
        bool HasSectionHeaders,
        TlsSegment? Tls,
        DynamicFacts? Dynamic,
        IReadOnlyList<string>? DefinedTlsSymbols);

    /// <summary>
    /// ELFSharp as an independent reader. It has no names for PT_TLS (7), STT_TLS (6) or DT_FLAGS bits, so those are
    /// compared as numbers; it reads the dynamic table and symbols only through section headers.
    /// </summary>
    public static class ElfSharpOracle
    {
        private const uint PtTls = 7;
        private const int SttTls = 6;
        private const ulong DfStaticTls = 0x10;

        /// <summary>ELFSharp's facts, or null when it cannot parse the image (its exception is the reason).</summary>
        public static ElfSharpFacts? Read(byte[] image, out string? failure)
        {
            failure = null;
            try
            {
                using var stream = new MemoryStream(image, writable: false);
                if (!ELFReader.TryLoad(stream, false, out IELF elf))
                {
                    failure = "ELFSharp.TryLoad returned false";
                    return null;
                }

                using (elf)
                {
                    return elf switch
                    {
                        ELF<ulong> e64 => Facts(e64),
                        ELF<uint> e32 => Facts(e32),
                        _ => null,
                    };
                }
            }
            catch (Exception e)
            {
                failure = e.GetType().Name + ": " + e.Message;
                return null;
            }
        }

        private static ElfSharpFacts Facts<T>(ELF<T> elf)
            where T : struct
        {
            // The loaders' rule for repeated headers (glibc _dl_map_object_from_fd): the last PT_TLS with a size counts.
            TlsSegment? tls = null;
            foreach (Segment<T> segment in elf.Segments)
            {
                if ((uint)segment.Type == PtTls && Convert.ToUInt64(segment.Size) != 0)
                {
                    tls = new TlsSegment(Convert.ToUInt64(segment.Size), Convert.ToUInt64(segment.Alignment), (ulong)segment.FileSize);
                }
            }

            // No section headers, or an offset to a table of none (e_shnum 0 and no count in section 0): ELFSharp reads
            // the dynamic table and symbols only through sections, so it has no opinion on them.
            if (!elf.HasSectionHeader || !elf.Sections.Any())
            {
                return new ElfSharpFacts(false, tls, null, null);
            }

            return new ElfSharpFacts(true, tls, Dynamic(elf), DefinedTls(elf));
        }

        private static DynamicFacts? Dynamic<T>(ELF<T> elf)
            where T : struct
        {
            DynamicSection<T>? dynamic = elf.Sections.OfType<DynamicSection<T>>().FirstOrDefault();
            if (dynamic == null)
            {
                return null;
            }

            var entries = dynamic.Entries.Select(e => (e.Tag, Value: Convert.ToUInt64(e.Value))).ToList();
            // Repeated single-valued tags: the last one, as the loaders read them (glibc elf_get_dynamic_info).
            ulong? strtab = entries.TakeWhile(e => e.Tag != DynamicTag.Null).Where(e => e.Tag == DynamicTag.StrTab).Select(e => (ulong?)e.Value).LastOrDefault();
            // The string table DT_STRTAB points at, found by address (not by the name ".dynstr").
            StringTable<T>? strings = strtab == null
                ? null
                : elf.Sections.OfType<StringTable<T>>().FirstOrDefault(s => Convert.ToUInt64(s.LoadAddress) == strtab.Value);
            string Name(ulong offset) => strings == null ? "<no string table>" : strings[(long)offset];

            string? soname = null;
            var needed = new List<string>();
            var runpath = new List<string>();
            var rpath = new List<string>();
            ulong flags = 0;
            foreach ((DynamicTag tag, ulong value) in entries)
            {
                if (tag == DynamicTag.Null)
                {
                    break;
                }

                switch (tag)
                {
                    case DynamicTag.Needed:
                        needed.Add(Name(value));
                        break;
                    case DynamicTag.SoName:
                        soname = Name(value);
                        break;
                    case DynamicTag.RunPath:
                        runpath.AddRange(Name(value).Split(':'));
                        break;
                    case DynamicTag.RPath:
                        rpath.AddRange(Name(value).Split(':'));
                        break;
                    case DynamicTag.Flags:
                        flags = value;
                        break;
                }
            }

            return new DynamicFacts(soname, needed, runpath, rpath, (flags & DfStaticTls) != 0);
        }

        /// <summary>Non-local, defined STT_TLS symbols: from .dynsym in linked files, from .symtab in object files.</summary>
        private static IReadOnlyList<string> DefinedTls<T>(ELF<T> elf)
            where T : struct
        {
            SectionType wanted = elf.Type == FileType.Relocatable ? SectionType.SymbolTable : SectionType.DynamicSymbolTable;
            var names = new List<string>();
            foreach (SymbolTable<T> table in elf.Sections.OfType<SymbolTable<T>>().Where(s => s.Type == wanted))
            {
                foreach (SymbolEntry<T> symbol in table.Entries.Skip(1))
                {
                    if ((int)symbol.Type == SttTls && symbol.Binding != SymbolBinding.Local && symbol.PointedSectionIndex != 0)
                    {
                        names.Add(symbol.Name);
                    }
                }
            }

            return names;
        }
    }
}
