using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>
    /// Keeps the contents that cannot be read again later (members of compressed or streamed archives, inflated zip
    /// members): in memory up to <see cref="ArchiveLimits.MemoryBytes"/>, then in one spill file up to
    /// <see cref="ArchiveLimits.SpillBytes"/>. Equal contents (the same library in two layers) are kept once, found by
    /// SHA-256. Memory is taken in 64 KiB chunks as data arrives, so a header that lies about a size costs nothing.
    /// </summary>
    internal sealed class ContentStore : IDisposable
    {
        public const int ChunkSize = 64 * 1024;

        private readonly ArchiveLimits limits;
        private readonly Dictionary<string, StoredBlob> byDigest = new Dictionary<string, StoredBlob>(StringComparer.Ordinal);
        private readonly object gate = new object();
        private readonly byte[] one = new byte[1];
        private byte[]? scratch;
        private SpillFile? spill;
        private long spillEnd;

        public ContentStore(ArchiveLimits limits)
        {
            this.limits = limits;
        }

        /// <summary>Bytes of distinct contents held in memory.</summary>
        public long MemoryBytes { get; private set; }

        /// <summary>Bytes of distinct contents written to the spill file.</summary>
        public long SpilledBytes { get; private set; }

        /// <summary>
        /// Keeps <paramref name="length"/> bytes: the first <paramref name="prefixCount"/> already read into
        /// <paramref name="prefix"/>, the rest from <paramref name="rest"/>, which must then be at its end.
        /// </summary>
        /// <exception cref="ArchiveFormatException">Too large, over budget, shorter or longer than declared.</exception>
        public StoredBlob Store(byte[] prefix, int prefixCount, Stream rest, long length)
        {
            if (length > limits.MaxFileBytes)
            {
                throw new ArchiveFormatException(
                    "not kept: " + length + " bytes is more than the " + limits.MaxFileBytes + " bytes a file read from an archive may have");
            }

            lock (gate)
            {
                if (MemoryBytes + length <= limits.MemoryBytes)
                {
                    return StoreInMemory(prefix, prefixCount, rest, length);
                }

                if (SpilledBytes + length > limits.SpillBytes)
                {
                    // A copy of something already kept costs nothing: read it through to find out.
                    return KeptAlready(prefix, prefixCount, rest, length)
                        ?? throw new ArchiveFormatException(
                            "not kept: the " + (limits.MemoryBytes + limits.SpillBytes) + " bytes allowed for files kept from archives are spent");
                }

                return StoreInSpill(prefix, prefixCount, rest, length);
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                spill?.Dispose();
                spill = null;
                byDigest.Clear();
            }
        }

        private StoredBlob StoreInMemory(byte[] prefix, int prefixCount, Stream rest, long length)
        {
            var chunks = new List<byte[]>((int)((length + ChunkSize - 1) / ChunkSize));
            var digest = Pump(prefix, prefixCount, rest, length, size => new byte[size], (chunk, at, size) => chunks.Add(chunk));
            if (byDigest.TryGetValue(digest, out var existing))
            {
                return existing;
            }

            var blob = StoredBlob.InChunks(length, chunks);
            byDigest.Add(digest, blob);
            MemoryBytes += length;
            return blob;
        }

        private StoredBlob StoreInSpill(byte[] prefix, int prefixCount, Stream rest, long length)
        {
            var file = spill ??= SpillFile.Create();
            var buffer = scratch ??= new byte[ChunkSize];
            long start = spillEnd;
            try
            {
                var digest = Pump(prefix, prefixCount, rest, length, size => buffer, (chunk, at, size) => file.Write(start + at, chunk, 0, size));
                if (byDigest.TryGetValue(digest, out var existing))
                {
                    file.Truncate(start);
                    return existing;
                }

                var blob = StoredBlob.Spilled(length, file, start);
                byDigest.Add(digest, blob);
                spillEnd = start + length;
                SpilledBytes += length;
                return blob;
            }
            catch
            {
                file.Truncate(start);
                throw;
            }
        }

        /// <summary>Reads a content through without keeping it: it may be a copy of one already kept.</summary>
        private StoredBlob? KeptAlready(byte[] prefix, int prefixCount, Stream rest, long length)
        {
            var buffer = scratch ??= new byte[ChunkSize];
            var digest = Pump(prefix, prefixCount, rest, length, size => buffer, (chunk, at, size) => { });
            return byDigest.TryGetValue(digest, out var existing) ? existing : null;
        }

        /// <summary>
        /// Moves <paramref name="length"/> bytes (the prefix, then the stream) through buffers from
        /// <paramref name="bufferFor"/> into <paramref name="consume"/>, and returns their digest; the stream must end there.
        /// </summary>
        private string Pump(byte[] prefix, int prefixCount, Stream rest, long length, Func<int, byte[]> bufferFor, Action<byte[], long, int> consume)
        {
            using (var sha = SHA256.Create())
            {
                long done = 0;
                while (done < length)
                {
                    int size = (int)Math.Min(ChunkSize, length - done);
                    var buffer = bufferFor(size);
                    int at = 0;
                    if (done < prefixCount)
                    {
                        at = (int)Math.Min(size, prefixCount - done);
                        Buffer.BlockCopy(prefix, (int)done, buffer, 0, at);
                    }

                    ReadExactly(rest, buffer, at, size - at, length, done + at);
                    sha.TransformBlock(buffer, 0, size, null, 0);
                    consume(buffer, done, size);
                    done += size;
                }

                if (rest.Read(one, 0, 1) > 0)
                {
                    throw new ArchiveFormatException("holds more than its declared " + length + " bytes");
                }

                sha.TransformFinalBlock(one, 0, 0);
                return Digest(sha.Hash!, length);
            }
        }

        private static void ReadExactly(Stream rest, byte[] buffer, int offset, int count, long length, long done)
        {
            while (count > 0)
            {
                int read = rest.Read(buffer, offset, count);
                if (read <= 0)
                {
                    throw new ArchiveFormatException("ends after " + done + " of its " + length + " bytes");
                }

                offset += read;
                count -= read;
                done += read;
            }
        }

        private static string Digest(byte[] hash, long length) => Convert.ToBase64String(hash) + ":" + length;
    }
}
