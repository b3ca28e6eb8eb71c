using System;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// One cached buffer per size class and thread, so scanning thousands of files allocates the read windows once.
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
                cached = small;
                small = null;
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
                small = buffer;
            }
        }
    }
}
