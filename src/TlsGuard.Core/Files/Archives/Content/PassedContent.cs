using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>
    /// A member of a compressed or streamed archive whose bytes went by without being kept, because its first bytes say
    /// it is neither ELF nor ar nor loader configuration: it exists in the view, but cannot be opened.
    /// </summary>
    internal sealed class PassedContent : FileContent
    {
        public PassedContent(long length, ContentSniff sniff)
        {
            Length = length;
            Remember(sniff);
        }

        public override long Length { get; }

        public override IByteSource? Open(out string? error)
        {
            error = "not kept: only ELF files, ar archives and loader configuration are kept from a compressed or streamed archive";
            return null;
        }
    }
}
