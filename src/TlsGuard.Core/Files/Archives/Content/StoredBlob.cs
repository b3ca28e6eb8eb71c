using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>One kept content, in memory chunks or in the spill file; equal contents share one blob.</summary>
    internal sealed class StoredBlob
    {
        private readonly IReadOnlyList<byte[]>? chunks;
        private readonly SpillFile? spill;
        private readonly long spillOffset;

        private StoredBlob(long length, IReadOnlyList<byte[]>? chunks, SpillFile? spill, long spillOffset)
        {
            Length = length;
            this.chunks = chunks;
            this.spill = spill;
            this.spillOffset = spillOffset;
        }

        public long Length { get; }

        public static StoredBlob InChunks(long length, IReadOnlyList<byte[]> chunks) => new StoredBlob(length, chunks, null, 0);

        public static StoredBlob Spilled(long length, SpillFile spill, long offset) => new StoredBlob(length, null, spill, offset);

        public IByteSource Open() => new Reader(this);

        private int Read(long position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || position >= Length || count <= 0)
            {
                return 0;
            }

            count = (int)Math.Min(count, Length - position);
            if (spill != null)
            {
                return spill.Read(spillOffset + position, buffer, offset, count);
            }

            int copied = 0;
            while (copied < count)
            {
                long at = position + copied;
                var chunk = chunks![(int)(at / ContentStore.ChunkSize)];
                int within = (int)(at % ContentStore.ChunkSize);
                int n = Math.Min(count - copied, chunk.Length - within);
                Buffer.BlockCopy(chunk, within, buffer, offset + copied, n);
                copied += n;
            }

            return copied;
        }

        private sealed class Reader : IByteSource
        {
            private readonly StoredBlob blob;

            public Reader(StoredBlob blob) => this.blob = blob;

            public long Length => blob.Length;

            public int Read(long position, byte[] buffer, int offset, int count) => blob.Read(position, buffer, offset, count);

            public void Dispose()
            {
            }
        }
    }
}
