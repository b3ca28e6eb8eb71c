using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>
    /// A source that counts what the scanner asks of it. Bytes copied out are the deterministic measure of a
    /// scan's work: unlike a clock it does not move with the machine's load, so a bound on it can be asserted in CI.
    /// </summary>
    internal sealed class CountingByteSource : IByteSource
    {
        private readonly IByteSource inner;

        public CountingByteSource(IByteSource inner) => this.inner = inner;

        public long Length => inner.Length;

        public long BytesRead { get; private set; }

        public long Reads { get; private set; }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            Reads++;
            int n = inner.Read(position, buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public void Dispose()
        {
        }
    }
}
