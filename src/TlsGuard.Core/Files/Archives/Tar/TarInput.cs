using System;
using System.IO;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Files.Archives.Tar
{
    /// <summary>
    /// The bytes of a tar archive, read front to back once: either a region of a seekable source (members are then
    /// slices of it and their data is skipped, not read) or a stream (stdin, a gzip inflater), where skipping reads.
    /// </summary>
    internal abstract class TarInput
    {
        /// <summary>Bytes consumed so far, from the start of the tar.</summary>
        public abstract long Position { get; }

        /// <summary>The source members can be sliced from, with <see cref="SourceOffset"/>; null for streams.</summary>
        public virtual SharedByteSource? Seekable => null;

        /// <summary>Where the tar starts in <see cref="Seekable"/>.</summary>
        public virtual long SourceOffset => 0;

        /// <summary>Fills as much of the buffer as the input holds; fewer bytes only at its end.</summary>
        public abstract int Read(byte[] buffer, int offset, int count);

        /// <summary>Moves forward; false when the input ends first.</summary>
        public abstract bool Skip(long count);

        public static TarInput Of(SharedByteSource source, long start, long length) => new RegionInput(source, start, length);

        public static TarInput Of(Stream stream) => new StreamInput(stream);

        private sealed class RegionInput : TarInput
        {
            private readonly SharedByteSource source;
            private readonly long start;
            private readonly long length;
            private long position;

            public RegionInput(SharedByteSource source, long start, long length)
            {
                this.source = source;
                this.start = start;
                this.length = length;
            }

            public override long Position => position;
            public override SharedByteSource? Seekable => source;
            public override long SourceOffset => start;

            public override int Read(byte[] buffer, int offset, int count)
            {
                int wanted = (int)Math.Max(0, Math.Min(count, length - position));
                int read = source.ReadFully(start + position, buffer, offset, wanted);
                position += read;
                return read;
            }

            public override bool Skip(long count)
            {
                if (count > length - position)
                {
                    position = length;
                    return false;
                }

                position += count;
                return true;
            }
        }

        private sealed class StreamInput : TarInput
        {
            private readonly Stream stream;
            private readonly byte[] discard = new byte[ContentStore.ChunkSize];
            private long position;

            public StreamInput(Stream stream) => this.stream = stream;

            public override long Position => position;

            public override int Read(byte[] buffer, int offset, int count)
            {
                int total = stream.ReadFully(buffer, offset, count);
                position += total;
                return total;
            }

            public override bool Skip(long count)
            {
                while (count > 0)
                {
                    int read = Read(discard, 0, (int)Math.Min(discard.Length, count));
                    if (read <= 0)
                    {
                        return false;
                    }

                    count -= read;
                }

                return true;
            }
        }
    }
}
