using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>A member stored uncompressed in a seekable archive: read in place, nothing copied.</summary>
    internal sealed class SliceContent : FileContent
    {
        private readonly SharedByteSource source;
        private readonly long start;

        public SliceContent(SharedByteSource source, long start, long length)
        {
            this.source = source;
            this.start = start;
            Length = length;
        }

        public override long Length { get; }

        public override IByteSource? Open(out string? error)
        {
            if (start < 0 || Length < 0 || start > source.Length || Length > source.Length - start)
            {
                error = "truncated: the archive ends inside this file (" + Length + " bytes declared)";
                return null;
            }

            error = null;
            return source.Slice(start, Length);
        }
    }
}
