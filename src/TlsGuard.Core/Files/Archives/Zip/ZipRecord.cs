namespace TlsGuard.Core.Files.Archives.Zip
{
    /// <summary>One central-directory record (APPNOTE.TXT 4.3.12), sizes and offset already widened from the zip64 extra field.</summary>
    internal sealed class ZipRecord
    {
        public const int UnixHost = 3;

        public ZipRecord(string name, int versionMadeBy, int flags, int method, uint crc, long compressedSize, long size, long localHeaderOffset, uint externalAttributes)
        {
            Name = name;
            VersionMadeBy = versionMadeBy;
            Flags = flags;
            Method = method;
            Crc = crc;
            CompressedSize = compressedSize;
            Size = size;
            LocalHeaderOffset = localHeaderOffset;
            ExternalAttributes = externalAttributes;
        }

        public string Name { get; }
        public int VersionMadeBy { get; }
        public int Flags { get; }

        /// <summary>0 stored, 8 deflated; others are reported as unsupported.</summary>
        public int Method { get; }

        public uint Crc { get; }
        public long CompressedSize { get; }
        public long Size { get; }
        public long LocalHeaderOffset { get; }
        public uint ExternalAttributes { get; }

        /// <summary>Where the member's data starts, once its local header has been read.</summary>
        public long DataStart { get; set; } = -1;

        public bool IsEncrypted => (Flags & 1) != 0;

        public bool IsDirectory => Name.EndsWith("/", System.StringComparison.Ordinal);

        /// <summary>st_mode from a Unix-made zip's external attributes (high 16 bits), else 0.</summary>
        public int UnixMode => (VersionMadeBy >> 8) == UnixHost ? (int)(ExternalAttributes >> 16) : 0;

        public bool IsSymbolicLink => (UnixMode & 0xF000) == 0xA000;
    }
}
