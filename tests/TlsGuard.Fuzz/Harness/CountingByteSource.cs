using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>
    /// An in-memory source that counts what the scanner asks of it. Bytes copied out are the deterministic measure of a
    /// scan's work: unlike a clock it does not move with the machine's load, so a bound on it can be asserted in CI.
    /// </summary>
    internal sealed class CountingByteSource : IByteSource
    {
        private readonly byte[] data;

        public CountingByteSource(byte[] data) => this.data = data;

        public long Length => data.Length;

        public long BytesRead { get; private set; }

        public long Reads { get; private set; }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            Reads++;
            if (position < 0 || position >= data.Length)
            {
                return 0;
            }

            int n = (int)Math.Min(count, data.Length - position);
            Buffer.BlockCopy(data, (int)position, buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public void Dispose()
        {
        }
    }
}
