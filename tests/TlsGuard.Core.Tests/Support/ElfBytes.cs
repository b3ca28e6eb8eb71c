using System.Buffers.Binary;

namespace TlsGuard.Core.Tests.Support
{
    /// <summary>
    /// A writable copy of a 64-bit ELF fixture with just enough header knowledge to find the bytes a malformed-input
    /// test wants to corrupt (program headers, dynamic entries, section headers). It states no ELF facts of its own.
    /// </summary>
    internal sealed class ElfBytes
    {
        public ElfBytes(byte[] image)
        {
            Data = (byte[])image.Clone();
            if (Data[4] != 2)
            {
                throw new ArgumentException("only 64-bit fixtures are patched");
            }

            BigEndian = Data[5] == 2;
        }

        public byte[] Data { get; }
        public bool BigEndian { get; }

        public static ElfBytes Load(string fixture) => new(File.ReadAllBytes(RepositoryRoot.Fixture(fixture)));

        public int ProgramHeaderTable => (int)U64(0x20);
        public int SectionHeaderTable => (int)U64(0x28);
        public int ProgramHeaderCount => U16(0x38);
        public int SectionHeaderCount => U16(0x3c);

        /// <summary>File offset of the first program header of this p_type.</summary>
        public int ProgramHeader(uint type)
        {
            for (int i = 0; i < ProgramHeaderCount; i++)
            {
                int at = ProgramHeaderTable + i * 56;
                if (U32(at) == type)
                {
                    return at;
                }
            }

            throw new ArgumentException("no program header of type " + type);
        }

        /// <summary>File offset of the first dynamic entry with this tag (PT_DYNAMIC p_offset based).</summary>
        public int DynamicEntry(long tag)
        {
            int dynamic = (int)U64(ProgramHeader(2) + 8);
            for (int at = dynamic; ; at += 16)
            {
                long current = (long)U64(at);
                if (current == tag)
                {
                    return at;
                }

                if (current == 0)
                {
                    throw new ArgumentException("no dynamic entry with tag " + tag);
                }
            }
        }

        /// <summary>File offset of the first section header of this sh_type.</summary>
        public int SectionHeader(uint type)
        {
            for (int i = 0; i < SectionHeaderCount; i++)
            {
                int at = SectionHeaderTable + i * 64;
                if (U32(at + 4) == type)
                {
                    return at;
                }
            }

            throw new ArgumentException("no section of type " + type);
        }

        public ushort U16(int at) => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(Data.AsSpan(at)) : BinaryPrimitives.ReadUInt16LittleEndian(Data.AsSpan(at));

        public uint U32(int at) => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(Data.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(Data.AsSpan(at));

        public ulong U64(int at) => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(Data.AsSpan(at)) : BinaryPrimitives.ReadUInt64LittleEndian(Data.AsSpan(at));

        public ElfBytes Set16(int at, ushort value)
        {
            if (BigEndian) BinaryPrimitives.WriteUInt16BigEndian(Data.AsSpan(at), value);
            else BinaryPrimitives.WriteUInt16LittleEndian(Data.AsSpan(at), value);
            return this;
        }

        public ElfBytes Set32(int at, uint value)
        {
            if (BigEndian) BinaryPrimitives.WriteUInt32BigEndian(Data.AsSpan(at), value);
            else BinaryPrimitives.WriteUInt32LittleEndian(Data.AsSpan(at), value);
            return this;
        }

        public ElfBytes Set64(int at, ulong value)
        {
            if (BigEndian) BinaryPrimitives.WriteUInt64BigEndian(Data.AsSpan(at), value);
            else BinaryPrimitives.WriteUInt64LittleEndian(Data.AsSpan(at), value);
            return this;
        }
    }
}
