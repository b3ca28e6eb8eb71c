using System;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Tls;
#if NET
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// The scan's hot loop: over a run of relocation entries already in a window, the index of the first whose type is
    /// one of the machine's TLS relocations. Per entry it reads only the type field (a byte or the low word of r_info,
    /// at a fixed place in every entry) and tests it against the machine's table; the whole run is bounds-checked once.
    /// </summary>
    internal static class RelocationTypeSearch<TOrder>
        where TOrder : struct, IByteOrder
    {
        /// <summary>Entries whose type is the 32-bit field at <paramref name="typeAt"/> (the first entry's).</summary>
        public static int Word(byte[] b, int typeAt, int count, int entrySize, MachineTlsTable tls)
        {
            if (count <= 0)
            {
                return 0;
            }

            RequireRun(b, typeAt, count, entrySize, sizeof(uint));
            bool[] isTls = tls.IsTlsType;
#if NET
            // RequireRun proved every field of the run lies inside b, so the loop reads them unchecked: per entry a load,
            // a compare and, below the highest TLS type, a table lookup, as a C loop over a mapped file would do.
            ref byte first = ref MemoryMarshal.GetArrayDataReference(b);
            bool swap = (default(TOrder).Data == ElfData.BigEndian) == BitConverter.IsLittleEndian;
            for (int n = 0, p = typeAt; n < count; n++, p += entrySize)
            {
                uint type = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, p));
                if (swap)
                {
                    type = BinaryPrimitives.ReverseEndianness(type);
                }

                if (type < (uint)isTls.Length && isTls[type])
                {
                    return n;
                }
            }
#else
            for (int n = 0, p = typeAt; n < count; n++, p += entrySize)
            {
                uint type = default(TOrder).U32(b, p);
                if (type < (uint)isTls.Length && isTls[type])
                {
                    return n;
                }
            }
#endif
            return count;
        }

        /// <summary>Entries whose type is the byte at <paramref name="typeAt"/> (ELF32 r_info's low byte, MIPS64, SPARC V9).</summary>
        public static int Byte(byte[] b, int typeAt, int count, int entrySize, MachineTlsTable tls)
        {
            if (count <= 0)
            {
                return 0;
            }

            RequireRun(b, typeAt, count, entrySize, 1);
            bool[] isTls = tls.IsTlsType;
#if NET
            ref byte first = ref MemoryMarshal.GetArrayDataReference(b);
            for (int n = 0, p = typeAt; n < count; n++, p += entrySize)
            {
                byte type = Unsafe.Add(ref first, p);
                if (type < isTls.Length && isTls[type])
                {
                    return n;
                }
            }
#else
            for (int n = 0, p = typeAt; n < count; n++, p += entrySize)
            {
                byte type = b[p];
                if (type < isTls.Length && isTls[type])
                {
                    return n;
                }
            }
#endif
            return count;
        }

        /// <summary>Every entry's field, from the first's to the end of the last one's, must lie inside the window.</summary>
        private static void RequireRun(byte[] b, int typeAt, int count, int entrySize, int fieldSize)
        {
            long length = (long)(count - 1) * entrySize + fieldSize;
            if (typeAt < 0 || entrySize < fieldSize || length > b.Length - (long)typeAt)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "the relocation entries do not lie inside the window");
            }
        }
    }
}
