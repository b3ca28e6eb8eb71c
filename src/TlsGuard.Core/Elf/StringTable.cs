using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>A string table located in the file (DT_STRTAB/DT_STRSZ or an SHT_STRTAB section).</summary>
    internal sealed class StringTable
    {
        private readonly WindowedReader reader;
        private readonly long offset;
        private readonly long size;

        public StringTable(WindowedReader reader, long offset, long size)
        {
            this.reader = reader;
            this.offset = offset;
            this.size = size;
        }

        public string Get(ulong index)
        {
            if (index >= (ulong)size)
            {
                throw new ElfFormatException("string index " + index + " is outside the string table (" + size + " bytes)");
            }

            return reader.CString(offset + (long)index, offset + size);
        }
    }
}
