using System.IO;
using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Files.Archives.Zip
{
    /// <summary>Passes an inflated member through while summing its CRC-32.</summary>
    internal sealed class CheckedStream : ForwardOnlyStream
    {
        public CheckedStream(Stream inner)
            : base(inner)
        {
        }

        public Crc32 Crc { get; } = new Crc32();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = Inner.Read(buffer, offset, count);
            if (read > 0)
            {
                Crc.Update(buffer, offset, read);
            }

            return read;
        }
    }
}
