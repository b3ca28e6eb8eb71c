using System;
using System.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>
    /// A stream read once, front to back, as the members of a compressed or streamed archive are: no seeking, no length,
    /// no writing. Subclasses say only how a read is served.
    /// </summary>
    internal abstract class ForwardStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Another stream's bytes as a <see cref="ForwardStream"/> (standard input is one); disposing it disposes that stream.</summary>
    internal class ForwardOnlyStream : ForwardStream
    {
        public ForwardOnlyStream(Stream inner) => Inner = inner;

        protected Stream Inner { get; }

        public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
