using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>A string table located in the file (DT_STRTAB/DT_STRSZ or an SHT_STRTAB section); names come from the scan's pool.</summary>
    internal sealed class StringTable
    {
        private readonly WindowedReader reader;
        private readonly StringPool pool;
        private readonly long offset;
        private readonly long size;

        public StringTable(WindowedReader reader, StringPool pool, long offset, long size)
        {
            this.reader = reader;
            this.pool = pool;
            this.offset = offset;
            this.size = size;
        }

        /// <summary>Where the table starts in the file.</summary>
        public long Offset => offset;

        /// <summary>Its length in bytes (DT_STRSZ, else up to the end of its segment).</summary>
        public long Size => size;

        /// <summary>The same table read through another window (one that holds all of it, for a walk that reads many names).</summary>
        public StringTable Through(WindowedReader other) => new StringTable(other, pool, offset, size);

        /// <summary>
        /// A symbol name. st_name 0 means the symbol has no name (System V gABI, "Symbol Table": "Otherwise, the symbol
        /// table entry has no name"), whatever byte 0 of the table holds; binutils' BFD, which the linker reads objects
        /// with, returns "" for index 0 (bfd_elf_string_from_elf_section) where readelf prints the bytes there.
        /// </summary>
        public string Symbol(ulong index) => index == 0 ? string.Empty : Get(index, StringPool.MaxSymbolBytes, "symbol name");

        /// <summary>A file name or path (DT_NEEDED, DT_SONAME, a DT_VERNEED file).</summary>
        public string Path(ulong index, string what) => Get(index, StringPool.MaxPathBytes, what);

        /// <summary>A search path list (DT_RUNPATH, DT_RPATH): several paths joined by ':'.</summary>
        public string PathList(ulong index, string what) => Get(index, StringPool.MaxSymbolBytes, what);

        private string Get(ulong index, int maxBytes, string what)
        {
            if (index >= (ulong)size)
            {
                throw new ElfFormatException(what + " index " + index + " is outside the string table (" + size + " bytes)");
            }

            return pool.Read(reader, offset + (long)index, offset + size, maxBytes, what);
        }
    }
}
