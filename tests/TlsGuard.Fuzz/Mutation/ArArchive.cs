using System.Text;

namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>One member as a mutator sees it: the 60-byte header's position and its data range.</summary>
    internal readonly record struct ArEntry(long HeaderOffset, string RawName, long DataOffset, long Size);

    /// <summary>
    /// Reads and writes "!&lt;arch&gt;\n" archives for the mutators: walks member headers (stopping at the first one
    /// that does not parse), and writes archives with GNU ("//" table, "/123"), BSD ("#1/len") or thin naming.
    /// </summary>
    internal static class ArArchive
    {
        public const int HeaderSize = 60;
        public static readonly byte[] Magic = Encoding.ASCII.GetBytes("!<arch>\n");
        public static readonly byte[] ThinMagic = Encoding.ASCII.GetBytes("!<thin>\n");

        public static bool IsArchive(byte[] data) => data.AsSpan().StartsWith(Magic);

        public static List<ArEntry> Entries(byte[] data)
        {
            var entries = new List<ArEntry>();
            long position = Magic.Length;
            while (position + HeaderSize <= data.Length && data[position + 58] == (byte)'`' && data[position + 59] == (byte)'\n')
            {
                string name = Encoding.ASCII.GetString(data, (int)position, 16).TrimEnd(' ');
                if (!long.TryParse(Encoding.ASCII.GetString(data, (int)position + 48, 10).Trim(), out long size) || size < 0 || size > data.Length - position - HeaderSize)
                {
                    break;
                }

                entries.Add(new ArEntry(position, name, position + HeaderSize, size));
                position += HeaderSize + size + (size & 1);
            }

            return entries;
        }

        /// <summary>The ELF members of an archive (name, bytes), whatever naming it used.</summary>
        public static List<(string Name, byte[] Data)> ElfMembers(byte[] data)
        {
            var members = new List<(string, byte[])>();
            foreach (ArEntry e in Entries(data))
            {
                if (e.Size >= 4 && data.AsSpan((int)e.DataOffset, 4).SequenceEqual("\u007fELF"u8))
                {
                    members.Add((e.RawName.TrimEnd('/'), data.AsSpan((int)e.DataOffset, (int)e.Size).ToArray()));
                }
            }

            return members;
        }

        public static byte[] Header(string name, long size)
        {
            string header = name.PadRight(16).Substring(0, 16) + "0".PadRight(12) + "0".PadRight(6) + "0".PadRight(6) + "644".PadRight(8) + size.ToString().PadRight(10) + "`\n";
            return Encoding.ASCII.GetBytes(header);
        }

        /// <summary>A GNU archive: names longer than 15 characters go to the "//" table ("name/\n" each), members refer to
        /// them as "/offset"; an optional "/" symbol index lists every member's header offset.</summary>
        public static byte[] WriteGnu(IReadOnlyList<(string Name, byte[] Data)> members, bool symbolIndex)
        {
            var table = new StringBuilder();
            var rawNames = new List<string>();
            foreach ((string name, _) in members)
            {
                if (name.Length < 16 && !name.Contains('/'))
                {
                    rawNames.Add(name + "/");
                }
                else
                {
                    rawNames.Add("/" + table.Length);
                    table.Append(name).Append("/\n");
                }
            }

            var output = new MemoryStream();
            output.Write(Magic);
            long indexSize = 4 + 4L * members.Count + 2L * members.Count;
            long firstMember = Magic.Length + (symbolIndex ? HeaderSize + indexSize + (indexSize & 1) : 0);
            byte[] tableBytes = Encoding.ASCII.GetBytes(table.ToString());
            if (tableBytes.Length > 0)
            {
                firstMember += HeaderSize + tableBytes.Length + (tableBytes.Length & 1);
            }

            if (symbolIndex)
            {
                var index = new MemoryStream();
                WriteBigEndian(index, (uint)members.Count);
                long offset = firstMember;
                foreach ((_, byte[] member) in members)
                {
                    WriteBigEndian(index, (uint)offset);
                    offset += HeaderSize + member.Length + (member.Length & 1);
                }

                for (int i = 0; i < members.Count; i++)
                {
                    index.Write("s\0"u8);
                }

                AppendMember(output, "/", index.ToArray());
            }

            if (tableBytes.Length > 0)
            {
                AppendMember(output, "//", tableBytes);
            }

            for (int i = 0; i < members.Count; i++)
            {
                AppendMember(output, rawNames[i], members[i].Data);
            }

            return output.ToArray();
        }

        /// <summary>A BSD archive: every member named "#1/len" with the name in front of its data.</summary>
        public static byte[] WriteBsd(IReadOnlyList<(string Name, byte[] Data)> members)
        {
            var output = new MemoryStream();
            output.Write(Magic);
            foreach ((string name, byte[] data) in members)
            {
                byte[] nameBytes = Encoding.ASCII.GetBytes(name);
                byte[] body = new byte[nameBytes.Length + data.Length];
                nameBytes.CopyTo(body, 0);
                data.CopyTo(body, nameBytes.Length);
                AppendMember(output, "#1/" + nameBytes.Length, body);
            }

            return output.ToArray();
        }

        /// <summary>A thin archive: headers only, the members live in separate files.</summary>
        public static byte[] WriteThin(IReadOnlyList<(string Name, byte[] Data)> members)
        {
            var output = new MemoryStream();
            output.Write(ThinMagic);
            foreach ((string name, byte[] data) in members)
            {
                output.Write(Header(name + "/", data.Length));
            }

            return output.ToArray();
        }

        private static void AppendMember(MemoryStream output, string rawName, byte[] data)
        {
            output.Write(Header(rawName, data.Length));
            output.Write(data);
            if ((data.Length & 1) != 0)
            {
                output.WriteByte((byte)'\n');
            }
        }

        private static void WriteBigEndian(MemoryStream output, uint value)
        {
            output.WriteByte((byte)(value >> 24));
            output.WriteByte((byte)(value >> 16));
            output.WriteByte((byte)(value >> 8));
            output.WriteByte((byte)value);
        }
    }
}
