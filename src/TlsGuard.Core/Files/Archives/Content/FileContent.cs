using System;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>Where a regular file's bytes come from: a slice of the archive, a kept copy, or a zip member inflated on demand.</summary>
    internal abstract class FileContent
    {
        private ContentSniff? sniff;

        public abstract long Length { get; }

        /// <summary>The leading bytes' verdict, read once.</summary>
        public ContentSniff Sniff
        {
            get
            {
                if (sniff == null)
                {
                    sniff = ReadSniff();
                }

                return sniff.Value;
            }
        }

        /// <summary>Random access to the bytes, or null with the reason they cannot be had.</summary>
        public abstract IByteSource? Open(out string? error);

        protected void Remember(ContentSniff known) => sniff = known;

        protected virtual ContentSniff ReadSniff()
        {
            try
            {
                using (var source = Open(out _))
                {
                    if (source == null)
                    {
                        return ContentSniff.Unknown;
                    }

                    var head = new byte[ContentSniff.Length];
                    int got = source.ReadFully(0, head, 0, head.Length);

                    return ContentSniff.Of(head, got);
                }
            }
            catch (Exception e) when (e is ArchiveFormatException || e is System.IO.IOException || e is ObjectDisposedException)
            {
                return ContentSniff.Unknown;
            }
        }
    }
}
