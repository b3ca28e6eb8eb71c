using TlsGuard.Fuzz.Mutation;

namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>
    /// Whether every symbol table's sh_link names the one string table ELFSharp gives it by name: ".strtab" for
    /// SHT_SYMTAB, ".dynstr" for SHT_DYNSYM (ELF.FindStringTables). TlsGuard, readelf and binutils' BFD follow sh_link,
    /// as the gABI says. Read with the fuzz harness's layout reader and the section names from e_shstrndx.
    /// </summary>
    public static class StringTableLinks
    {
        private const uint ShtSymtab = 2;
        private const uint ShtDynsym = 11;

        public static bool SymbolTablesLinkTheNamedStringTables(byte[] image)
        {
            ElfLayout? elf = ElfLayout.Of(image);
            if (elf == null || elf.Sections.Count == 0)
            {
                return true;
            }

            string?[] names = SectionNames(image, elf);
            for (int i = 0; i < elf.Sections.Count; i++)
            {
                IReadOnlyList<Field> f = elf.SectionFields(i);
                uint type = (uint)elf.Endian.Read(image, f[0].Offset, 4);
                string? wanted = type == ShtSymtab ? ".strtab" : type == ShtDynsym ? ".dynstr" : null;
                if (wanted == null)
                {
                    continue;
                }

                long link = (long)elf.Endian.Read(image, f[4].Offset, 4);
                int[] named = Enumerable.Range(0, names.Length).Where(n => names[n] == wanted).ToArray();
                if (named.Length != 1 || named[0] != link)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Each section's name from the section-name string table (e_shstrndx); null where it cannot be read.</summary>
        private static string?[] SectionNames(byte[] image, ElfLayout elf)
        {
            var names = new string?[elf.Sections.Count];
            int shstrndx = (int)elf.Endian.Read(image, elf.Is64 ? 62 : 50, 2);
            if (shstrndx >= elf.Sections.Count)
            {
                return names;
            }

            IReadOnlyList<Field> table = elf.SectionFields(shstrndx);
            ulong offset = elf.Endian.Read(image, table[2].Offset, elf.Word);
            ulong size = elf.Endian.Read(image, table[3].Offset, elf.Word);
            for (int i = 0; i < names.Length; i++)
            {
                ulong name = elf.Endian.Read(image, elf.Sections.Entry(i), 4);
                if (name >= size || offset + name >= (ulong)image.Length)
                {
                    continue;
                }

                int start = (int)(offset + name);
                int end = Array.IndexOf(image, (byte)0, start);
                names[i] = end < 0 ? null : System.Text.Encoding.ASCII.GetString(image, start, end - start);
            }

            return names;
        }
    }
}
