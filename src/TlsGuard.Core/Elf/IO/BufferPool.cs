using System;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// Cached buffers per size class and thread (one bulk window, two small ones: a scan reads through a small window for
    /// lookups and another for DT_VERSYM), so scanning thousands of files allocates the read windows once.
    /// netstandard2.0 without packages has no ArrayPool.
    /// </summary>
    internal static class BufferPool
    {
        public const int BulkSize = 64 * 1024;
        public const int SmallSize = 4 * 1024;

        [ThreadStatic]
        private static byte[]? bulk;

        [ThreadStatic]
        private static byte[]? small;

        [ThreadStatic]
        private static byte[]? secondSmall;

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
