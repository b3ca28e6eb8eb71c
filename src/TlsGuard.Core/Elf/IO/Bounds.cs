namespace TlsGuard.Core.Elf.IO
{
    /// <summary>Turns untrusted 64-bit header values into checked file ranges before anything is read or allocated.</summary>
    internal static class Bounds
    {
        /// <summary>Returns the offset when [offset, offset+size) lies inside a file of <paramref name="length"/> bytes.</summary>
        public static long Range(ulong offset, ulong size, long length, string what)
        {
            ulong fileLength = (ulong)length;
            if (offset > fileLength || size > fileLength - offset)
            {
                throw new ElfFormatException(what + " extends past the end of the file");
            }

            return (long)offset;
        }

        /// <summary>count * entrySize as a checked size, rejecting products no file of this length could hold.</summary>
        public static ulong Product(ulong count, ulong entrySize, long length, string what)
        {
            if (entrySize != 0 && count > (ulong)length / entrySize)
            {
                throw new ElfFormatException(what + " is larger than the file");
            }

            return count * entrySize;
        }
    }
}
