using System;
using System.IO;

namespace TlsGuard.Core.Files.Archives.Zip
{
    /// <summary>Passes an inflated member through while summing its CRC-32.</summary>
    internal sealed class CheckedStream : Stream
    {
        private readonly Stream inner;

        public CheckedStream(Stream inner) => this.inner = inner;

        public Crc32 Crc { get; } = new Crc32();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = inner.Read(buffer, offset, count);
            if (read > 0)
            {
                Crc.Update(buffer, offset, read);
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
