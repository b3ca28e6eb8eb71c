using System.IO;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>Reads that keep going until the bytes asked for are in, or the data ends (a read may return fewer).</summary>
    internal static class FullReads
    {
        /// <summary>Exactly <paramref name="count"/> bytes from <paramref name="position"/>, fewer only at the end of the source.</summary>
        public static int ReadFully(this IByteSource source, long position, byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int read = source.Read(position + total, buffer, offset + total, count - total);
                if (read <= 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }

        /// <summary>Exactly <paramref name="count"/> bytes from the stream's position, fewer only at its end.</summary>
        public static int ReadFully(this Stream stream, byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int read = stream.Read(buffer, offset + total, count - total);
                if (read <= 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
    }
}
