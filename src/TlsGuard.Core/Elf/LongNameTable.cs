using System.Collections.Generic;
using System.Text;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// The GNU "//" member: long member names, each ended by "/\n" (other writers: "\n"). Only the offsets members refer
    /// to are read, each once, and each name at most PATH_MAX bytes, so an archive of many members naming one huge
    /// entry costs a bounded read per distinct name instead of a rescan of the table per member.
    /// </summary>
    internal sealed class LongNameTable
    {
        private readonly WindowedReader reader;
        private readonly Dictionary<long, string> names = new Dictionary<long, string>();
        private long offset = -1;
        private long size;

        public LongNameTable(WindowedReader reader) => this.reader = reader;

        public void Locate(long tableOffset, long tableSize)
        {
            offset = tableOffset;
            size = tableSize;
            names.Clear();
        }

        /// <summary>The name at <paramref name="nameOffset"/> ("/123" in a header) or an error naming <paramref name="reference"/>.</summary>
        public string NameAt(long nameOffset, string reference)
        {
            if (offset < 0 || nameOffset < 0 || nameOffset >= size)
            {
                throw new ElfFormatException("archive long name reference " + Printable(reference) + " has no entry in the // table");
            }

            if (names.TryGetValue(nameOffset, out string? known))
            {
                return known;
            }

            long start = offset + nameOffset;
            long limit = System.Math.Min(offset + size, start + StringPool.MaxPathBytes + 1);
            var bytes = new List<byte>();
            long p = start;
            for (; p < limit; p++)
            {
                byte b = reader.U8(p);
                if (b == (byte)'\n' || b == 0)
                {
                    break;
                }

                bytes.Add(b);
            }

            if (p == limit && limit < offset + size)
            {
                throw new ElfFormatException("archive long name " + Printable(reference) + " is longer than " + StringPool.MaxPathBytes + " bytes");
            }

            if (bytes.Count > 0 && bytes[bytes.Count - 1] == (byte)'/')
            {
                bytes.RemoveAt(bytes.Count - 1);
            }

            string name = Encoding.UTF8.GetString(bytes.ToArray());
            names.Add(nameOffset, name);
            return name;
        }

        /// <summary>Header bytes for a message: anything but printable ASCII becomes '?'.</summary>
        private static string Printable(string raw)
        {
            var sb = new StringBuilder(raw.Length);
            foreach (char c in raw)
            {
                sb.Append(c >= ' ' && c < (char)0x7f ? c : '?');
            }

            return sb.ToString();
        }
    }
}
