using System;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// A symbol walk's inner loop: over a run of symbol entries already in a window, the index of the first one the
    /// walk must look at (non-local, and a defined STT_TLS symbol or, when asked, an undefined one). Per entry it reads
    /// st_info and st_shndx only; most of a library's dynamic symbols are its own local-free definitions of functions
    /// and objects and are passed over without being decoded.
    /// </summary>
    internal static class SymbolSearch<TOrder>
        where TOrder : struct, IByteOrder
    {
        private const int BindingShift = 4;
        private const byte TypeMask = 0xf;

        /// <param name="infoAt">Where the first entry's st_info byte is.</param>
        /// <param name="sectionAt">Where the first entry's 16-bit st_shndx is.</param>
        public static int TlsDefinitionOrImport(byte[] b, int infoAt, int sectionAt, int count, int entrySize, bool importsToo)
        {
            if (count <= 0)
            {
                return 0;
            }

            long last = (long)(count - 1) * entrySize;
            if (infoAt < 0 || sectionAt < 0 || last + sizeof(ushort) > b.Length - (long)Math.Max(infoAt, sectionAt))
            {
                throw new ArgumentOutOfRangeException(nameof(count), "the symbol entries do not lie inside the window");
            }

            for (int n = 0, offset = 0; n < count; n++, offset += entrySize)
            {
                byte info = b[infoAt + offset];
                if (info >> BindingShift == (int)SymbolBinding.Local)
                {
                    continue;
                }

                bool defined = default(TOrder).U16(b, sectionAt + offset) != SectionIndex.Undefined;
                if (defined ? (info & TypeMask) == (int)SymbolType.Tls : importsToo)
                {
                    return n;
                }
            }

            return count;
        }
    }
}
