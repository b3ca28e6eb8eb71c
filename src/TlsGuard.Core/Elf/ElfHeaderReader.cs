using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Parses e_ident and the file header, and sets the reader's byte order from EI_DATA.</summary>
    internal static class ElfHeaderReader
    {
        public const int Elf32Size = 52;
        public const int Elf64Size = 64;

        public static ElfHeader Read(WindowedReader reader)
        {
            if (reader.Length < 16)
            {
                throw new ElfFormatException("file too short for an ELF identification");
            }

            byte[] w = reader.Window;
            int i = reader.Prepare(0, 16);
            if (w[i] != 0x7f || w[i + 1] != (byte)'E' || w[i + 2] != (byte)'L' || w[i + 3] != (byte)'F')
            {
                throw new ElfFormatException("not an ELF file");
            }

            var elfClass = (ElfClass)w[i + 4];
            var data = (ElfData)w[i + 5];
            byte osAbi = w[i + 7];
            if (elfClass != ElfClass.Elf32 && elfClass != ElfClass.Elf64)
            {
                throw new ElfFormatException("unknown ELF class " + (int)elfClass);
            }

            if (data != ElfData.LittleEndian && data != ElfData.BigEndian)
            {
                throw new ElfFormatException("unknown ELF data encoding " + (int)data);
            }

            bool is64 = elfClass == ElfClass.Elf64;
            int size = is64 ? Elf64Size : Elf32Size;
            if (reader.Length < size)
            {
                throw new ElfFormatException("file too short for an ELF header");
            }

            reader.BigEndian = data == ElfData.BigEndian;
            i = reader.Prepare(0, size);
            bool be = reader.BigEndian;
            int p = 16;
            ushort type = ByteOrder.U16(w, i + p, be);
            ushort machine = ByteOrder.U16(w, i + p + 2, be);
            uint version = ByteOrder.U32(w, i + p + 4, be);
            p += 8;
            int word = is64 ? 8 : 4;
            ulong entry = ByteOrder.Word(w, i + p, be, is64);
            ulong phoff = ByteOrder.Word(w, i + p + word, be, is64);
            ulong shoff = ByteOrder.Word(w, i + p + 2 * word, be, is64);
            p += 3 * word;
            return new ElfHeader
            {
                Class = elfClass,
                Data = data,
                OsAbi = osAbi,
                Type = (ElfType)type,
                Machine = machine,
                Version = version,
                Entry = entry,
                ProgramHeaderOffset = phoff,
                SectionHeaderOffset = shoff,
                Flags = ByteOrder.U32(w, i + p, be),
                HeaderSize = ByteOrder.U16(w, i + p + 4, be),
                ProgramHeaderEntrySize = ByteOrder.U16(w, i + p + 6, be),
                ProgramHeaderCount = ByteOrder.U16(w, i + p + 8, be),
                SectionHeaderEntrySize = ByteOrder.U16(w, i + p + 10, be),
                SectionHeaderCount = ByteOrder.U16(w, i + p + 12, be),
                SectionNameTableIndex = ByteOrder.U16(w, i + p + 14, be),
            };
        }
    }
}
