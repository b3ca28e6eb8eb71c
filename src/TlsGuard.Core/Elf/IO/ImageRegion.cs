namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// One range of a file read whole and shared by every window on the file: the dynamic-link tables a shared object
    /// keeps side by side (symbols, strings, versions, relocations) come from one read instead of a read per table and
    /// window refill. Read-only once made.
    /// </summary>
    internal sealed class ImageRegion
    {
        public ImageRegion(byte[] bytes, long start, int length)
        {
            Bytes = bytes;
            Start = start;
            Length = length;
        }

        public byte[] Bytes { get; }

        public long Start { get; }

        public int Length { get; }

        /// <summary>True when [offset, offset+count) lies inside the region.</summary>
        public bool Holds(long offset, long count) => offset >= Start && count >= 0 && offset - Start <= Length - count;
    }
}
