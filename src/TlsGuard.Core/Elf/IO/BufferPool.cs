using System;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// Cached buffers per size class and thread (one bulk window, two small ones: a scan reads through a small window for
    /// lookups and another for DT_VERSYM; one that holds a whole table, the largest asked for so far up to
    /// <see cref="MaxTableSize"/>; and one for a file's shared region), so scanning thousands of files allocates the read
    /// windows once.
    /// netstandard2.0 without packages has no ArrayPool.
    /// </summary>
    internal static class BufferPool
    {
        public const int BulkSize = 64 * 1024;
        public const int SmallSize = 4 * 1024;

        /// <summary>The largest table read whole (a dynamic string table); 98% of Debian's libraries have a smaller one.</summary>
        public const int MaxTableSize = 1024 * 1024;

        [ThreadStatic]
        private static byte[]? bulk;

        [ThreadStatic]
        private static byte[]? small;

        [ThreadStatic]
        private static byte[]? secondSmall;

        [ThreadStatic]
        private static byte[]? table;

        [ThreadStatic]
        private static byte[]? region;

        /// <summary>The window size that holds <paramref name="bytes"/> whole: a power of two above the bulk size, so the cached table buffer is reused.</summary>
        public static int TableSize(long bytes)
        {
            int size = BulkSize * 2;
            while (size < bytes && size < MaxTableSize)
            {
                size *= 2;
            }

            return size;
        }

        public static byte[] Rent(int size)
        {
            byte[]? cached;
            if (size == BulkSize)
            {
                cached = bulk;
                bulk = null;
            }
            else if (size == SmallSize)
            {
                cached = small ?? secondSmall;
                if (small != null)
                {
                    small = null;
                }
                else
                {
                    secondSmall = null;
                }
            }
            else if (size > BulkSize && size <= MaxTableSize)
            {
                cached = table != null && table.Length >= size ? table : null;
                if (cached != null)
                {
                    table = null;
                }
            }
            else
            {
                return Allocate(size);
            }

            return cached ?? Allocate(size);
        }

        /// <summary>
        /// A window's bytes are always read before they are used, so on .NET its memory is not cleared first: clearing a
        /// table-sized window would touch every page of it, where a read touches only the pages of the table it holds.
        /// </summary>
        private static byte[] Allocate(int size)
        {
#if NET
            return GC.AllocateUninitializedArray<byte>(size);
#else
            return new byte[size];
#endif
        }

        /// <summary>
        /// The largest range of a file read whole as its shared region (<see cref="ImageRegion"/>): the dynamic-link tables
        /// of 466 of the 473 shared objects in Debian 12's /usr/lib/x86_64-linux-gnu fit; a larger range is read through the
        /// windows, so memory stays flat in file size.
        /// </summary>
        public const int MaxRegionSize = 1 * 1024 * 1024;

        /// <summary>
        /// The thread's region buffer, <see cref="MaxRegionSize"/> bytes. On .NET its memory is not cleared, so a page costs
        /// something only once a table is read into it: one buffer of the largest size touches fewer pages than a series
        /// grown by doubling, each of whose pages would be touched anew.
        /// </summary>
        public static byte[] RentRegion()
        {
            byte[] buffer = region ?? Allocate(MaxRegionSize);
            region = null;
            return buffer;
        }

        public static void ReturnRegion(byte[] buffer) => region = buffer;

        public static void Return(byte[] buffer)
        {
            if (buffer.Length == BulkSize)
            {
                bulk = buffer;
            }
            else if (buffer.Length > BulkSize && buffer.Length <= MaxTableSize)
            {
                if (table == null || table.Length < buffer.Length)
                {
                    table = buffer;
                }
            }
            else if (buffer.Length == SmallSize)
            {
                if (small == null)
                {
                    small = buffer;
                }
                else
                {
                    secondSmall = buffer;
                }
            }
        }
    }
}
