namespace TlsGuard.Core.Elf.IO
{
    /// <summary>Decodes unsigned integers of either byte order from a byte array.</summary>
    internal static class ByteOrder
    {
        public static ushort U16(byte[] b, int i, bool bigEndian) => bigEndian
            ? (ushort)((b[i] << 8) | b[i + 1])
            : (ushort)(b[i] | (b[i + 1] << 8));

        public static uint U32(byte[] b, int i, bool bigEndian) => bigEndian
            ? ((uint)b[i] << 24) | ((uint)b[i + 1] << 16) | ((uint)b[i + 2] << 8) | b[i + 3]
            : b[i] | ((uint)b[i + 1] << 8) | ((uint)b[i + 2] << 16) | ((uint)b[i + 3] << 24);

        public static ulong U64(byte[] b, int i, bool bigEndian) => bigEndian
            ? ((ulong)U32(b, i, true) << 32) | U32(b, i + 4, true)
            : U32(b, i, false) | ((ulong)U32(b, i + 4, false) << 32);

        /// <summary>An address-sized field: 8 bytes in ELF64, 4 in ELF32.</summary>
        public static ulong Word(byte[] b, int i, bool bigEndian, bool is64) => is64 ? U64(b, i, bigEndian) : U32(b, i, bigEndian);
    }
}
