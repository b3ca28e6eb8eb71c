using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Files.Archives.Tar
{
    /// <summary>
    /// Reads tar members front to back, once: ustar, old GNU and v7 headers, pax 'x' records (path, linkpath, size),
    /// GNU 'L'/'K' long names. Data of a member the caller does not read is skipped (seeked over when the input is
    /// seekable). Like Go's archive/tar and Python's tarfile, only regular files (and unknown types, read as regular
    /// files as POSIX asks) carry data; a size on a link, folder or device header is ignored. Structural damage
    /// (a bad checksum, the input ending inside a member or without the end-of-archive block) throws
    /// <see cref="ArchiveFormatException"/>; everything read before it stays valid.
    /// </summary>
    internal sealed class TarReader
    {
        private readonly TarInput input;
        private readonly ArchiveLimits limits;
        private readonly byte[] header = new byte[TarHeader.BlockSize];
        private TarEntry? current;
        private long unread;
        private long padding;
        private long dataStart;

        public TarReader(TarInput input, ArchiveLimits limits)
        {
            this.input = input;
            this.limits = limits;
        }

        /// <summary>Where the current member's data starts in the seekable source, when there is one.</summary>
        public long DataOffsetInSource => input.SourceOffset + dataStart;

        public TarInput Input => input;

        /// <summary>The next member, or null after the end-of-archive block.</summary>
        public TarEntry? Next()
        {
            SkipRest();
            string? longName = null;
            string? longLink = null;
            Dictionary<string, string>? pax = null;
            while (true)
            {
                long at = input.Position;
                int got = input.Read(header, 0, TarHeader.BlockSize);
                if (got == 0)
                {
                    throw new ArchiveFormatException("the tar data ends without its end-of-archive block at offset " + at + " (truncated?)");
                }

                if (got < TarHeader.BlockSize)
                {
                    throw new ArchiveFormatException("the tar data ends inside a header at offset " + at + " (truncated)");
                }

                if (TarHeader.IsZeroBlock(header))
                {
                    current = null;
                    return null;
                }

                if (!TarHeader.ChecksumMatches(header))
                {
                    throw new ArchiveFormatException("tar header checksum mismatch at offset " + at + ": corrupt, or not tar data");
                }

                char type = (char)header[TarHeader.TypeOffset];
                long size = TarHeader.ParseNumber(header, TarHeader.SizeOffset, TarHeader.SizeLength, "size");
                if (type == 'x' || type == 'g' || type == 'L' || type == 'K')
                {
                    var data = ReadMetadata(size, type, at);
                    switch (type)
                    {
                        case 'x':
                            pax = PaxRecords.Parse(data, data.Length);
                            break;
                        case 'L':
                            longName = CString(data);
                            break;
                        case 'K':
                            longLink = CString(data);
                            break;
                    }

                    // 'g' (global pax records, e.g. git archive's commit comment) change no member this reader uses.
                    continue;
                }

                var entry = Build(type, size, longName, longLink, pax, at);
                current = entry;
                unread = entry.Size;
                padding = Padding(entry.Size);
                dataStart = input.Position;
                return entry;
            }
        }

        /// <summary>The current member's data as a forward stream of exactly its size; the input ending early throws.</summary>
        public Stream OpenData()
        {
            if (current == null)
            {
                throw new InvalidOperationException("no current tar member");
            }

            return new DataStream(this, current.Name);
        }

        private TarEntry Build(char type, long size, string? longName, string? longLink, Dictionary<string, string>? pax, long at)
        {
            string name;
            if (longName != null)
            {
                name = longName;
            }
            else if (pax != null && pax.TryGetValue("path", out var paxPath))
            {
                name = paxPath;
            }
            else
            {
                name = TarHeader.Text(header, TarHeader.NameOffset, TarHeader.NameLength);
                if (TarHeader.IsPosixUstar(header))
                {
                    var prefix = TarHeader.Text(header, TarHeader.PrefixOffset, TarHeader.PrefixLength);
                    if (prefix.Length > 0)
                    {
                        name = prefix + "/" + name;
                    }
                }
            }

            string link = longLink
                ?? (pax != null && pax.TryGetValue("linkpath", out var paxLink) ? paxLink : TarHeader.Text(header, TarHeader.LinkNameOffset, TarHeader.LinkNameLength));
            if (pax != null && pax.TryGetValue("size", out var paxSize))
            {
                if (!long.TryParse(paxSize, NumberStyles.None, CultureInfo.InvariantCulture, out size))
                {
                    throw new ArchiveFormatException("pax size '" + paxSize + "' of the member at offset " + at + " is not a number");
                }
            }

            var kind = TypeOf(type, name, pax);
            if (kind != TarEntryType.RegularFile && kind != TarEntryType.Sparse)
            {
                size = 0;
            }

            if (name.Length > limits.MaxPathLength || link.Length > limits.MaxPathLength)
            {
                const int Shown = 200;
                var shown = name.Length > Shown ? name.Substring(0, Shown) + "..." : name;
                return new TarEntry(shown, kind, size, "", "its name or link target is longer than " + limits.MaxPathLength + " characters");
            }

            return new TarEntry(name, kind, size, link);
        }

        private static TarEntryType TypeOf(char type, string name, Dictionary<string, string>? pax)
        {
            if (pax != null)
            {
                foreach (var key in pax.Keys)
                {
                    if (key.StartsWith("GNU.sparse.", StringComparison.Ordinal))
                    {
                        return TarEntryType.Sparse;
                    }
                }
            }

            switch (type)
            {
                case '1': return TarEntryType.HardLink;
                case '2': return TarEntryType.SymbolicLink;
                case '3': return TarEntryType.CharacterDevice;
                case '4': return TarEntryType.BlockDevice;
                case '5': return TarEntryType.Directory;
                case 'D': return TarEntryType.Directory;
                case '6': return TarEntryType.Fifo;
                case 'S': return TarEntryType.Sparse;
                case 'V': return TarEntryType.Volume;
                case 'M': return TarEntryType.Volume;
                case '0':
                case '\0':
                    // v7 archives mark folders only by a trailing slash.
                    return name.EndsWith("/", StringComparison.Ordinal) ? TarEntryType.Directory : TarEntryType.RegularFile;
                default:
                    return TarEntryType.RegularFile;
            }
        }

        private byte[] ReadMetadata(long size, char type, long at)
        {
            if (size < 0 || size > limits.MaxMetadataBytes)
            {
                throw new ArchiveFormatException(
                    "a '" + type + "' record of " + size + " bytes at offset " + at + " is larger than the " + limits.MaxMetadataBytes + " bytes allowed");
            }

            var data = new byte[size];
            if (input.Read(data, 0, data.Length) < data.Length || !input.Skip(Padding(size)))
            {
                throw new ArchiveFormatException("the tar data ends inside the '" + type + "' record at offset " + at + " (truncated)");
            }

            return data;
        }

        private void SkipRest()
        {
            if (current != null && !input.Skip(unread + padding))
            {
                var name = current.Name;
                current = null;
                throw new ArchiveFormatException("the tar data ends inside " + name + " (truncated)");
            }

            current = null;
            unread = 0;
            padding = 0;
        }

        private static long Padding(long size) => (TarHeader.BlockSize - (size % TarHeader.BlockSize)) % TarHeader.BlockSize;

        private static string CString(byte[] data)
        {
            int end = Array.IndexOf(data, (byte)0);
            return Encoding.UTF8.GetString(data, 0, end < 0 ? data.Length : end);
        }

        private sealed class DataStream : ForwardStream
        {
            private readonly TarReader reader;
            private readonly string name;

            public DataStream(TarReader reader, string name)
            {
                this.reader = reader;
                this.name = name;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (reader.unread <= 0 || count <= 0)
                {
                    return 0;
                }

                int read = reader.input.Read(buffer, offset, (int)Math.Min(count, reader.unread));
                if (read <= 0)
                {
                    throw new ArchiveFormatException("the tar data ends inside " + name + " (truncated)");
                }

                reader.unread -= read;
                return read;
            }
        }
    }
}
