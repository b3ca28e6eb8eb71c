using System.Text;

namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>
    /// Edits of ar archives: header fields (names, sizes, the terminator), the GNU symbol index, and rebuilds of the
    /// archive's ELF members under GNU, BSD or thin naming with long, repeated or hostile names. Rebuilds also take a
    /// plain ELF input as the single member, so every fixture can become an archive.
    /// </summary>
    internal static class ArMutators
    {
        private static readonly string[] HostileNames =
        {
            "/", "//", "/SYM64/", "__.SYMDEF", "__.SYMDEF SORTED", "/0", "/1", "/99999999", "/-1", "/ 1", "/1x",
            "#1/0", "#1/1", "#1/20", "#1/-1", "#1/9999999999", "#1/3000000000", "#1/2000000000", "#1/", "", "a/", "ARFILENAMES/",
        };

        private static readonly string[] HostileSizes = { "0", "1", "-1", "9999999999", "4294967296", "2147483648", " ", "12a", "0x10", "" };

        public static IReadOnlyList<Mutator> All { get; } = new[]
        {
            new Mutator("ar-header-name", HeaderName),
            new Mutator("ar-header-size", HeaderSize),
            new Mutator("ar-header-terminator", HeaderTerminator),
            new Mutator("ar-symbol-index", SymbolIndex),
            new Mutator("ar-rebuild-gnu", (r, d) => Rebuild(r, d, Naming.Gnu)),
            new Mutator("ar-rebuild-bsd", (r, d) => Rebuild(r, d, Naming.Bsd)),
            new Mutator("ar-rebuild-thin", (r, d) => Rebuild(r, d, Naming.Thin)),
        };

        private enum Naming
        {
            Gnu,
            Bsd,
            Thin,
        }

        private static byte[]? HeaderName(Random random, byte[] data)
        {
            ArEntry? entry = PickEntry(random, data);
            if (entry == null)
            {
                return null;
            }

            string name = random.Next(4) == 0 ? RandomName(random, 1 + random.Next(16)) : HostileNames[random.Next(HostileNames.Length)];
            WriteField(data, entry.Value.HeaderOffset, 16, name);
            return data;
        }

        private static byte[]? HeaderSize(Random random, byte[] data)
        {
            ArEntry? entry = PickEntry(random, data);
            if (entry == null)
            {
                return null;
            }

            string size = random.Next(2) == 0
                ? HostileSizes[random.Next(HostileSizes.Length)]
                : (entry.Value.Size + new[] { -2, -1, 1, 2, 60, -60 }[random.Next(6)]).ToString();
            WriteField(data, entry.Value.HeaderOffset + 48, 10, size);
            return data;
        }

        private static byte[]? HeaderTerminator(Random random, byte[] data)
        {
            ArEntry? entry = PickEntry(random, data);
            if (entry == null)
            {
                return null;
            }

            data[entry.Value.HeaderOffset + 58 + random.Next(2)] = (byte)random.Next(256);
            return data;
        }

        /// <summary>The GNU "/" index: its count or one member offset set to an edge value (big-endian words).</summary>
        private static byte[]? SymbolIndex(Random random, byte[] data)
        {
            if (!ArArchive.IsArchive(data))
            {
                return null;
            }

            foreach (ArEntry e in ArArchive.Entries(data))
            {
                if (e.RawName == "/" && e.Size >= 4)
                {
                    var endian = new Endian(true);
                    long word = e.DataOffset + 4 * random.NextInt64(Math.Min(e.Size / 4, 64));
                    endian.Write(data, word, 4, (uint)Interesting.Pick(random, data.Length));
                    return data;
                }
            }

            return null;
        }

        /// <summary>
        /// The ELF members (or the input itself, when it is a plain ELF file) written again as a new archive, a few to a
        /// few hundred members, under names that are long, repeated, or contain the separators the formats use.
        /// </summary>
        private static byte[]? Rebuild(Random random, byte[] data, Naming naming)
        {
            List<(string Name, byte[] Data)> members;
            if (ArArchive.IsArchive(data))
            {
                members = ArArchive.ElfMembers(data);
            }
            else if (ElfLayout.Of(data) != null)
            {
                members = new List<(string, byte[])> { ("input.o", data) };
            }
            else
            {
                return null;
            }

            if (members.Count == 0)
            {
                return null;
            }

            int count = random.Next(4) == 0 ? 1 + random.Next(300) : 1 + random.Next(6);
            string shared = RandomName(random, 1 + random.Next(300));
            var renamed = new List<(string, byte[])>(count);
            for (int i = 0; i < count; i++)
            {
                (string name, byte[] member) = members[random.Next(members.Count)];
                string newName = random.Next(5) switch
                {
                    0 => name,
                    1 => shared,
                    2 => RandomName(random, 16 + random.Next(500)),
                    3 => name + "/" + i + (random.Next(2) == 0 ? "\n" : ""),
                    _ => RandomName(random, 1 + random.Next(15)),
                };
                renamed.Add((newName, member));
            }

            return naming switch
            {
                Naming.Gnu => ArArchive.WriteGnu(renamed, random.Next(2) == 0),
                Naming.Bsd => ArArchive.WriteBsd(renamed),
                _ => ArArchive.WriteThin(renamed),
            };
        }

        private static ArEntry? PickEntry(Random random, byte[] data)
        {
            if (!ArArchive.IsArchive(data))
            {
                return null;
            }

            List<ArEntry> entries = ArArchive.Entries(data);
            return entries.Count == 0 ? null : entries[random.Next(entries.Count)];
        }

        private static void WriteField(byte[] data, long offset, int width, string value)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(value.PadRight(width).Substring(0, width));
            bytes.CopyTo(data, offset);
        }

        private static string RandomName(Random random, int length)
        {
            const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789._-";
            var sb = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return sb.ToString();
        }
    }
}
