using System.Buffers.Binary;

namespace TlsGuard.Fuzz.Mutation
{
    /// <summary>Reads and writes the integer widths ELF uses, in either byte order, bounds-checked: a write that would
    /// fall off the end of a (possibly already truncated) image is dropped instead of throwing.</summary>
    internal readonly struct Endian
    {
        public Endian(bool bigEndian) => BigEndian = bigEndian;

        public bool BigEndian { get; }

        public ulong Read(byte[] data, long at, int width)
        {
            if (at < 0 || at + width > data.Length)
            {
                return 0;
            }

            Span<byte> s = data.AsSpan((int)at, width);
            return width switch
            {
                1 => s[0],
                2 => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
                4 => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s),
                _ => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s),
            };
        }

        public void Write(byte[] data, long at, int width, ulong value)
        {
            if (at < 0 || at + width > data.Length)
            {
                return;
            }

            Span<byte> s = data.AsSpan((int)at, width);
            switch (width)
            {
                case 1:
                    s[0] = (byte)value;
                    break;
                case 2:
                    if (BigEndian) BinaryPrimitives.WriteUInt16BigEndian(s, (ushort)value);
                    else BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)value);
                    break;
                case 4:
                    if (BigEndian) BinaryPrimitives.WriteUInt32BigEndian(s, (uint)value);
                    else BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)value);
                    break;
                default:
                    if (BigEndian) BinaryPrimitives.WriteUInt64BigEndian(s, value);
                    else BinaryPrimitives.WriteUInt64LittleEndian(s, value);
                    break;
            }
        }
    }
}
