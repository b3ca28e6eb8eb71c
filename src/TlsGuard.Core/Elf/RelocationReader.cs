using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Streams the entries of one relocation table through the bulk window; nothing is materialised per entry.</summary>
    internal sealed class RelocationReader
    {
        private readonly WindowedReader reader;
        private readonly bool is64;
        private readonly bool hasAddend;
        private readonly RelocationInfoLayout layout;
        private readonly int entrySize;
        private readonly long end;
        private long position;

        public RelocationReader(WindowedReader reader, RelocationTable table, bool is64, RelocationInfoLayout layout)
        {
            this.reader = reader;
            this.is64 = is64;
            this.layout = layout;
            hasAddend = table.HasAddend;
            entrySize = RelocationTable.EntrySize(is64, hasAddend);
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

            int i = reader.Prepare(position, entrySize);
            position += entrySize;
            byte[] w = reader.Window;
            bool be = reader.BigEndian;
            if (!is64)
            {
                uint info32 = ByteOrder.U32(w, i + 4, be);
                long addend32 = hasAddend ? (int)ByteOrder.U32(w, i + 8, be) : 0;
                Current = new Relocation(ByteOrder.U32(w, i, be), info32 & 0xff, info32 >> 8, addend32);
                return true;
            }

            ulong offset = ByteOrder.U64(w, i, be);
            long addend = hasAddend ? (long)ByteOrder.U64(w, i + 16, be) : 0;
            uint symbol;
            uint type;
            switch (layout)
            {
                case RelocationInfoLayout.Mips64:
                    symbol = ByteOrder.U32(w, i + 8, be);
                    type = w[i + 15];
                    break;
                case RelocationInfoLayout.SparcV9:
                    ulong sparcInfo = ByteOrder.U64(w, i + 8, be);
                    symbol = (uint)(sparcInfo >> 32);
                    type = (uint)sparcInfo & 0xff;
                    break;
                default:
                    ulong info = ByteOrder.U64(w, i + 8, be);
                    symbol = (uint)(info >> 32);
                    type = (uint)info;
                    break;
            }

            Current = new Relocation(offset, type, symbol, addend);
            return true;
        }
    }
}
