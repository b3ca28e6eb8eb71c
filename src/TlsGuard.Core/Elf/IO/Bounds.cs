namespace TlsGuard.Core.Elf.IO
{
    /// <summary>Turns untrusted 64-bit header values into checked file ranges before anything is read or allocated.</summary>
    internal static class Bounds
    {
        /// <summary>Returns the offset when [offset, offset+size) lies inside a file of <paramref name="length"/> bytes.</summary>
        public static long Range(ulong offset, ulong size, long length, string what)
        {
            if (!Fits(offset, size, length))
            {
                throw new ElfFormatException(what + " extends past the end of the file");
            }

            return (long)offset;
        }

        /// <summary>Whether [offset, offset+size) lies inside a file of <paramref name="length"/> bytes (for checks whose message costs more than the check).</summary>
        public static bool Fits(ulong offset, ulong size, long length)
        {
            ulong fileLength = (ulong)length;
            return offset <= fileLength && size <= fileLength - offset;
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
