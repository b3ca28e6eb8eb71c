using System.Runtime.CompilerServices;
#if NET
using System;
using System.Buffers.Binary;
#endif

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// Decodes unsigned integers in one byte order. Implemented by structs so that a decoder generic over the order
    /// (<see cref="Elf64Decoder{TOrder}"/>) is compiled once per order with these calls inlined: the order is chosen once
    /// per file, never tested per field (LibObjectFile's ElfDecoderLsb/Msb follow the same idea). On .NET a field is one
    /// bounds check and one load (BinaryPrimitives over a span of exactly the field); netstandard2.0 assembles bytes.
    /// </summary>
    internal interface IByteOrder
    {
        ElfData Data { get; }

        /// <summary>Where the low 32 bits of a 64-bit field start inside it: 0 little-endian, 4 big-endian.</summary>
        int LowWordOffset { get; }

        /// <summary>Where the low byte of a 64-bit field is: 0 little-endian, 7 big-endian.</summary>
        int LowByteOffset64 { get; }

        /// <summary>Where the low byte of a 32-bit field is: 0 little-endian, 3 big-endian.</summary>
        int LowByteOffset32 { get; }

        ushort U16(byte[] b, int i);

        uint U32(byte[] b, int i);

        ulong U64(byte[] b, int i);
    }

    internal struct LittleEndianOrder : IByteOrder
    {
        public ElfData Data => ElfData.LittleEndian;

        public int LowWordOffset => 0;

        public int LowByteOffset64 => 0;

        public int LowByteOffset32 => 0;

#if NET
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ushort U16(byte[] b, int i) => BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(b, i, 2));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint U32(byte[] b, int i) => BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(b, i, 4));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong U64(byte[] b, int i) => BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(b, i, 8));
#else
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ushort U16(byte[] b, int i) => (ushort)(b[i] | (b[i + 1] << 8));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint U32(byte[] b, int i) => b[i] | ((uint)b[i + 1] << 8) | ((uint)b[i + 2] << 16) | ((uint)b[i + 3] << 24);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong U64(byte[] b, int i) => U32(b, i) | ((ulong)U32(b, i + 4) << 32);
#endif
    }

    internal struct BigEndianOrder : IByteOrder
    {
        public ElfData Data => ElfData.BigEndian;

        public int LowWordOffset => 4;

        public int LowByteOffset64 => 7;

        public int LowByteOffset32 => 3;

#if NET
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ushort U16(byte[] b, int i) => BinaryPrimitives.ReadUInt16BigEndian(new ReadOnlySpan<byte>(b, i, 2));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint U32(byte[] b, int i) => BinaryPrimitives.ReadUInt32BigEndian(new ReadOnlySpan<byte>(b, i, 4));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong U64(byte[] b, int i) => BinaryPrimitives.ReadUInt64BigEndian(new ReadOnlySpan<byte>(b, i, 8));
#else
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ushort U16(byte[] b, int i) => (ushort)((b[i] << 8) | b[i + 1]);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint U32(byte[] b, int i) => ((uint)b[i] << 24) | ((uint)b[i + 1] << 16) | ((uint)b[i + 2] << 8) | b[i + 3];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong U64(byte[] b, int i) => ((ulong)U32(b, i) << 32) | U32(b, i + 4);
#endif
    }
}
