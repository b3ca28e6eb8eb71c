using System;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>An image already in memory (tests, mutation runs).</summary>
    internal sealed class ArrayByteSource : IByteSource
    {
        private readonly byte[] data;

        public ArrayByteSource(byte[] data) => this.data = data;

        public long Length => data.Length;

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || position >= data.Length)
            {
                return 0;
            }

            int n = (int)Math.Min(count, data.Length - position);
            Buffer.BlockCopy(data, (int)position, buffer, offset, n);
            return n;
        }

        public void Dispose()
        {
        }
    }
}
