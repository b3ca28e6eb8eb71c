using System;
using System.IO;
using System.IO.Compression;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Content;
using TlsGuard.Core.Files.Archives.Images;

namespace TlsGuard.Core.Files.Archives.Zip
{
    /// <summary>
    /// A zip member's bytes: a slice of the zip when stored, else inflated on first open into the content store, with
    /// the declared size and CRC-32 enforced (inflating past the declared size stops at once: a zip bomb costs one
    /// byte beyond it). Classifying a member inflates only its first bytes.
    /// </summary>
    internal sealed class ZipMemberContent : FileContent
    {
        /// <summary>
        /// Deflate's best ratio is 1032:1 (zlib's "Technical Details": a 258-byte match per 2 bits), so a member claiming
        /// more from its compressed size cannot be honest.
        /// </summary>
        private const long DeflateMaxRatio = 1032;

        private readonly SharedByteSource zip;
        private readonly ZipRecord record;
        private readonly ContentStore store;
        private readonly object gate = new object();
        private StoredBlob? inflated;
        private string? failure;

        public ZipMemberContent(SharedByteSource zip, ZipRecord record, ContentStore store)
        {
            this.zip = zip;
            this.record = record;
            this.store = store;
        }

        public override long Length => record.Size;

        /// <summary>Why the member can never be read (method, encryption, impossible sizes), checked before any data is touched.</summary>
        public static string? Refusal(ZipRecord record)
        {
            if (record.IsEncrypted)
            {
                return "encrypted zip member: not read";
            }

            if (record.Size < 0 || record.CompressedSize < 0)
            {
                return "impossible sizes in the zip directory";
            }

            switch (record.Method)
            {
                case 0:
                    return record.Size == record.CompressedSize
                        ? null
                        : "stored (uncompressed) zip member declares " + record.Size + " bytes but holds " + record.CompressedSize;
                case 8:
                    return record.Size > (record.CompressedSize * DeflateMaxRatio) + 1024
                        ? "zip member declares " + record.Size + " bytes from " + record.CompressedSize
                          + " compressed bytes, more than deflate can produce (1032:1): a zip bomb or a corrupt directory"
                        : null;
                default:
                    return "zip compression method " + record.Method + " is not supported (only stored and deflate)";
            }
        }

        public override IByteSource? Open(out string? error)
        {
            if (record.Method == 0)
            {
                error = null;
                return zip.Slice(record.DataStart, record.Size);
            }

            lock (gate)
            {
                if (inflated == null && failure == null)
                {
                    Inflate();
                }

                error = failure;
                return inflated?.Open();
            }
        }

        protected override ContentSniff ReadSniff()
        {
            if (record.Method == 0)
            {
                return base.ReadSniff();
            }

            try
            {
                using (var inflater = OpenInflater())
                {
                    var head = new byte[ContentSniff.Length];
                    int got = inflater.ReadFully(head, 0, head.Length);

                    return ContentSniff.Of(head, got);
                }
            }
            catch (Exception e) when (TarIndexer.IsDataError(e))
            {
                return ContentSniff.Unknown;
            }
        }

        private void Inflate()
        {
            try
            {
                using (var checkedStream = new CheckedStream(OpenInflater()))
                {
                    var blob = store.Store(new byte[0], 0, checkedStream, record.Size);
                    if (checkedStream.Crc.Value != record.Crc)
                    {
                        failure = "zip member data is corrupt (CRC-32 mismatch)";
                        return;
                    }

                    inflated = blob;
                }
            }
            catch (Exception e) when (TarIndexer.IsDataError(e))
            {
                failure = "zip member " + (e is InvalidDataException ? "data is corrupt: " + e.Message : e.Message);
            }
        }

        private Stream OpenInflater() =>
            new DeflateStream(new ByteSourceStream(zip, record.DataStart, record.CompressedSize), CompressionMode.Decompress);
    }
}
