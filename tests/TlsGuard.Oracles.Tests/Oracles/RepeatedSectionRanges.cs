using TlsGuard.Fuzz.Mutation;

namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>
    /// Whether an object file has two section headers of one kind (symbol tables, relocation sections) over the same
    /// bytes (same sh_offset, sh_size and sh_entsize). Issue 12 makes TlsGuard read and count each such range once
    /// (Scanning/SectionRanges.cs); ELFSharp and LibObjectFile, like readelf, read every header, so they count the table
    /// once per header. Read with the fuzz harness's own layout reader, not TlsGuard's.
    /// </summary>
    public static class RepeatedSectionRanges
    {
        private const uint ShtSymtab = 2;
        private const uint ShtRela = 4;
        private const uint ShtRel = 9;

        public static bool HasRepeatedSymbolTables(byte[] image) => Repeats(image, type => type == ShtSymtab);

        public static bool HasRepeatedRelocationSections(byte[] image) => Repeats(image, type => type == ShtRela || type == ShtRel);

        private static bool Repeats(byte[] image, Func<uint, bool> kind)
        {
            ElfLayout? elf = ElfLayout.Of(image);
            if (elf == null)
            {
                return false;
            }

            var seen = new HashSet<(ulong Offset, ulong Size, ulong EntrySize)>();
            for (int i = 0; i < elf.Sections.Count; i++)
            {
                IReadOnlyList<Field> f = elf.SectionFields(i);
                if (!kind((uint)elf.Endian.Read(image, f[0].Offset, 4)))
                {
                    continue;
                }

                var range = (elf.Endian.Read(image, f[2].Offset, elf.Word), elf.Endian.Read(image, f[3].Offset, elf.Word), elf.Endian.Read(image, f[6].Offset, elf.Word));
                if (range.Item2 != 0 && !seen.Add(range))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
