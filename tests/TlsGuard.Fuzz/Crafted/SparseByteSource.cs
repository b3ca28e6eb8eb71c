using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Fuzz.Crafted
{
    /// <summary>A file of any length that holds <paramref name="prefix"/> and then zeros, like a sparse file on disk,
    /// without the disk: how a 4 GiB archive is scanned in a test.</summary>
    internal sealed class SparseByteSource : IByteSource
    {
        private readonly byte[] prefix;

        public SparseByteSource(byte[] prefix, long length)
        {
            this.prefix = prefix;
            Length = length;
        }

        public long Length { get; }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || position >= Length)
            {
                return 0;
            }

            int n = (int)Math.Min(count, Length - position);
            Array.Clear(buffer, offset, n);
            if (position < prefix.Length)
            {
                Buffer.BlockCopy(prefix, (int)position, buffer, offset, (int)Math.Min(n, prefix.Length - position));
            }

            return n;
        }

        public void Dispose()
        {
        }
    }
}
