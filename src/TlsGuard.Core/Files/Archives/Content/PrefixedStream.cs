using System;
using System.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>Bytes already read to classify a member, followed by the rest of it: the member as one forward stream.</summary>
    internal sealed class PrefixedStream : ForwardStream
    {
        private readonly byte[] prefix;
        private readonly int prefixCount;
        private readonly Stream rest;
        private int served;

        public PrefixedStream(byte[] prefix, int prefixCount, Stream rest)
        {
            this.prefix = prefix;
            this.prefixCount = prefixCount;
            this.rest = rest;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (served < prefixCount)
            {
                int n = Math.Min(count, prefixCount - served);
                Buffer.BlockCopy(prefix, served, buffer, offset, n);
                served += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }
    }
}
