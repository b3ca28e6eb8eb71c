using System.Collections.Generic;
using System.Text;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// The GNU "//" member: long member names, each ended by "/\n" (other writers: "\n"). Only the offsets members refer
    /// to are read, each once, and each name at most PATH_MAX bytes, so an archive of many members naming one huge
    /// entry costs a bounded read per distinct name instead of a rescan of the table per member. The bytes of each
    /// distinct name are charged to the archive's name budget: a table of 4,000-byte names that a quarter of a million
    /// members each enter at a different offset would otherwise decode a gigabyte of names from a 16 MB file.
    /// </summary>
    internal sealed class LongNameTable
    {
        private readonly WindowedReader reader;
        private readonly NameBudget budget;
        private readonly byte[] nameBytes;
        private readonly Dictionary<long, string> names = new Dictionary<long, string>();
        private long offset = -1;
        private long size;

        /// <summary><paramref name="nameBytes"/>: a scratch buffer of at least PATH_MAX + 1 bytes, shared with the reader's other names.</summary>
        public LongNameTable(WindowedReader reader, NameBudget budget, byte[] nameBytes)
        {
            this.reader = reader;
            this.budget = budget;
            this.nameBytes = nameBytes;
        }

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
            long tableEnd = offset + size;
            long limit = System.Math.Min(tableEnd, start + StringPool.MaxPathBytes + 1);
            int length = 0;
            bool ended = false;
            while (!ended && start + length < limit)
            {
                int chunk = (int)System.Math.Min(reader.Capacity, limit - start - length);
                int at = reader.PrepareRun(start + length, 1, chunk, out int available);
                byte[] window = reader.Window;
                int n = 0;
                while (n < available && window[at + n] != (byte)'\n' && window[at + n] != 0)
                {
                    n++;
                }

                System.Buffer.BlockCopy(window, at, nameBytes, length, n);
                length += n;
                ended = n < available;
            }

            budget.Charge(length + (ended ? 1 : 0));
            if (!ended && limit < tableEnd)
            {
                throw new ElfFormatException("archive long name " + Printable(reference) + " is longer than " + StringPool.MaxPathBytes + " bytes");
            }

            if (length > 0 && nameBytes[length - 1] == (byte)'/')
            {
                length--;
            }

            string name = Encoding.UTF8.GetString(nameBytes, 0, length);
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
