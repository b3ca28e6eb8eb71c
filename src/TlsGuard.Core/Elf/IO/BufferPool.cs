using System;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// Cached buffers per size class and thread (one bulk window, two small ones: a scan reads through a small window for
    /// lookups and another for DT_VERSYM; and one that holds a whole table, the largest asked for so far up to
    /// <see cref="MaxTableSize"/>), so scanning thousands of files allocates the read windows once.
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
                return new byte[size];
            }

            return cached ?? new byte[size];
        }

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
