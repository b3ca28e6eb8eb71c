namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// Decodes unsigned integers in one byte order. Implemented by structs so that a decoder generic over the order
    /// (<see cref="Elf64Decoder{TOrder}"/>) is compiled once per order with these calls inlined: the order is chosen once
    /// per file, never tested per field (LibObjectFile's ElfDecoderLsb/Msb follow the same idea).
    /// </summary>
    internal interface IByteOrder
    {
        ElfData Data { get; }

        ushort U16(byte[] b, int i);

        uint U32(byte[] b, int i);

        ulong U64(byte[] b, int i);
    }

    internal struct LittleEndianOrder : IByteOrder
    {
        public ElfData Data => ElfData.LittleEndian;

        public ushort U16(byte[] b, int i) => (ushort)(b[i] | (b[i + 1] << 8));

        public uint U32(byte[] b, int i) => b[i] | ((uint)b[i + 1] << 8) | ((uint)b[i + 2] << 16) | ((uint)b[i + 3] << 24);

        public ulong U64(byte[] b, int i) => U32(b, i) | ((ulong)U32(b, i + 4) << 32);
    }

    internal struct BigEndianOrder : IByteOrder
    {
        public ElfData Data => ElfData.BigEndian;

        public ushort U16(byte[] b, int i) => (ushort)((b[i] << 8) | b[i + 1]);

        public uint U32(byte[] b, int i) => ((uint)b[i] << 24) | ((uint)b[i + 1] << 16) | ((uint)b[i + 2] << 8) | b[i + 3];

        public ulong U64(byte[] b, int i) => ((ulong)U32(b, i) << 32) | U32(b, i + 4);
    }
}
