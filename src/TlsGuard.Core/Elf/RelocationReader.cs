using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Streams the entries of one relocation table through the bulk window; nothing is materialised per entry.</summary>
    internal sealed class RelocationReader
    {
        private readonly WindowedReader reader;
        private readonly ElfDecoder decoder;
        private readonly bool hasAddend;
        private readonly RelocationInfoLayout layout;
        private readonly int entrySize;
        private readonly long end;
        private long position;

        public RelocationReader(WindowedReader reader, RelocationTable table, RelocationInfoLayout layout)
        {
            this.reader = reader;
            this.layout = layout;
            decoder = reader.Decoder;
            hasAddend = table.HasAddend;
            entrySize = decoder.RelocationSize(hasAddend);
            position = table.Offset;
            end = table.Offset + table.Size - table.Size % entrySize;
        }

        public Relocation Current { get; private set; }

        public bool MoveNext()
        {
            if (position >= end)
            {
                return false;
            }

            // The hot loop of a scan: one bounds check, one decode.
            Current = decoder.Relocation(reader.Window, reader.Prepare(position, entrySize), hasAddend, layout);
            position += entrySize;
            return true;
        }
    }
}
