using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// Streams the TLS relocations of one table through the bulk window: the entries the window holds are checked per
    /// decoder call (only r_info's type, against the machine's table), and only the TLS entries are decoded in full.
    /// After a TLS entry the walk resumes inside the same window, so each byte of the table is read once however many
    /// of its entries are TLS. Nothing is materialised per entry.
    /// </summary>
    internal sealed class RelocationReader
    {
        private readonly WindowedReader reader;
        private readonly ElfDecoder decoder;
        private readonly bool hasAddend;
        private readonly RelocationInfoLayout layout;
        private readonly int entrySize;
        private readonly long end;
        private long position;

        private readonly Tls.MachineTlsTable tls;

        public RelocationReader(WindowedReader reader, RelocationTable table, RelocationInfoLayout layout, Tls.MachineTlsTable tls)
        {
            this.tls = tls;
            this.reader = reader;
            this.layout = layout;
            decoder = reader.Decoder;
            hasAddend = table.HasAddend;
            entrySize = decoder.RelocationSize(hasAddend);
            position = table.Offset;
            end = table.Offset + table.Size - table.Size % entrySize;
        }

        public Relocation Current { get; private set; }

        /// <summary>Moves to the next relocation whose type is a TLS relocation of the machine.</summary>
        public bool MoveNext()
        {
            while (position < end)
            {
                int i = reader.PrepareEntries(position, entrySize, (end - position) / entrySize, out int count);
                int found = decoder.FindTls(reader.Window, i, count, entrySize, layout, tls);
                if (found < count)
                {
                    Current = decoder.Relocation(reader.Window, i + found * entrySize, hasAddend, layout);
                    position += (long)(found + 1) * entrySize;
                    return true;
                }

                position += (long)count * entrySize;
            }

            return false;
        }
    }
}
