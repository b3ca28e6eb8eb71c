using System.Buffers.Binary;

namespace TlsGuard.Fuzz.Crafted
{
    /// <summary>
    /// Writes little-endian ELF64 x86-64 images field by field for the harness's objects and regression inputs: the
    /// header, program headers, section headers and raw tables. Callers lay the file out themselves; the writer only
    /// encodes (struct layouts from the System V gABI, elf.h's Elf64_Ehdr/Phdr/Shdr/Dyn/Sym/Rela).
    /// </summary>
    internal sealed class Elf64Writer
    {
        public const int HeaderSize = 64;
        public const int ProgramHeaderSize = 56;
        public const int SectionHeaderSize = 64;
        public const ushort EtRel = 1;
        public const ushort EtDyn = 3;
        public const ushort EmX86_64 = 62;

        public Elf64Writer(int length) => Data = new byte[length];

        public byte[] Data { get; }

        public void Header(ushort type, ulong phoff, ushort phnum, ulong shoff, ushort shnum)
        {
            "\u007fELF"u8.CopyTo(Data);
            Data[4] = 2; // ELFCLASS64
            Data[5] = 1; // ELFDATA2LSB
            Data[6] = 1; // EV_CURRENT
            U16(16, type);
            U16(18, EmX86_64);
            U32(20, 1);
            U64(32, phoff);
            U64(40, shoff);
            U16(52, HeaderSize);
            U16(54, phnum == 0 ? (ushort)0 : (ushort)ProgramHeaderSize);
            U16(56, phnum);
            U16(58, shnum == 0 ? (ushort)0 : (ushort)SectionHeaderSize);
            U16(60, shnum);
        }

        public void ProgramHeader(long at, uint type, ulong offset, ulong address, ulong fileSize, ulong memorySize, ulong align)
        {
            U32(at, type);
            U32(at + 4, 4);
            U64(at + 8, offset);
            U64(at + 16, address);
            U64(at + 24, address);
            U64(at + 32, fileSize);
            U64(at + 40, memorySize);
            U64(at + 48, align);
        }

        public void SectionHeader(long at, uint type, ulong offset, ulong size, uint link, uint info, ulong entrySize)
        {
            U32(at + 4, type);
            U64(at + 24, offset);
            U64(at + 32, size);
            U32(at + 40, link);
            U32(at + 44, info);
            U64(at + 48, 1);
            U64(at + 56, entrySize);
        }

        public void Dynamic(long at, long tag, ulong value)
        {
            U64(at, (ulong)tag);
            U64(at + 8, value);
        }

        /// <summary>An Elf64_Sym: name offset, st_info (binding &lt;&lt; 4 | type), section index.</summary>
        public void Symbol(long at, uint name, byte info, ushort section)
        {
            U32(at, name);
            Data[at + 4] = info;
            U16(at + 6, section);
        }

        public void Rela(long at, uint symbol, uint type)
        {
            U64(at + 8, ((ulong)symbol << 32) | type);
        }

        public void Bytes(long at, byte value, long count) => Data.AsSpan((int)at, (int)count).Fill(value);

        public void U16(long at, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(Data.AsSpan((int)at), v);

        public void U32(long at, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(Data.AsSpan((int)at), v);

        public void U64(long at, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Data.AsSpan((int)at), v);
    }
}
