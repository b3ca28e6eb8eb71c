using System.IO;
using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>A regular member offered to a <see cref="IMemberClaim"/>: its first bytes, and the whole of it on demand.</summary>
    internal sealed class MemberData
    {
        private readonly Stream? rest;

        public MemberData(string path, long size, byte[] prefix, int prefixCount, SharedByteSource? seekable, long sourceOffset, Stream? rest)
        {
            Path = path;
            Size = size;
            Prefix = prefix;
            PrefixCount = prefixCount;
            Seekable = seekable;
            SourceOffset = sourceOffset;
            this.rest = rest;
        }

        public string Path { get; }
        public long Size { get; }
        public byte[] Prefix { get; }
        public int PrefixCount { get; }

        /// <summary>The archive file the member lies in uncompressed, when it does; the member is then a slice of it.</summary>
        public SharedByteSource? Seekable { get; }

        public long SourceOffset { get; }

        /// <summary>All of the member's bytes, front to back; can be taken once.</summary>
        public Stream OpenAll() => Seekable != null
            ? new ByteSourceStream(Seekable, SourceOffset, Size)
            : new PrefixedStream(Prefix, PrefixCount, rest!);
    }

    /// <summary>Lets the reader of an outer tar take members that are image parts (layers, manifests) as they stream by.</summary>
    internal interface IMemberClaim
    {
        /// <summary>True when the member's path could be an image part; only then are its first bytes read from a seekable archive.</summary>
        bool Wants(string path);

        /// <summary>Reads the member if its first bytes say it is an image part; false leaves it to the plain view.</summary>
        bool Claim(MemberData member);
    }
}
