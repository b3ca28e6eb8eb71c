using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>A member copied out of a compressed or streamed archive into the content store.</summary>
    internal sealed class KeptContent : FileContent
    {
        private readonly StoredBlob blob;

        public KeptContent(StoredBlob blob, ContentSniff sniff)
        {
            this.blob = blob;
            Remember(sniff);
        }

        public override long Length => blob.Length;

        public override IByteSource? Open(out string? error)
        {
            error = null;
            return blob.Open();
        }
    }
}
