using System;
using System.IO;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Content;
using TlsGuard.Core.Files.Archives.Tar;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>
    /// Turns one pass over a tar into a <see cref="LayerIndex"/>. From a seekable, uncompressed archive a regular file is a
    /// slice of it and nothing is copied. From a stream, a file's first bytes decide: ELF files, ar archives and loader
    /// configuration go to the <see cref="ContentStore"/>, everything else is passed over, so memory never grows with
    /// the size of a layer.
    /// </summary>
    internal sealed class TarIndexer
    {
        /// <summary>Enough leading bytes to tell ELF, ar, gzip, tar (the ustar magic at 257) and JSON apart.</summary>
        public const int PrefixSize = TarHeader.BlockSize;

        private readonly ArchiveLimits limits;
        private readonly ContentStore store;
        private readonly byte[] prefix = new byte[PrefixSize];
        private int entryCount;

        public TarIndexer(ArchiveLimits limits, ContentStore store)
        {
            this.limits = limits;
            this.store = store;
        }

        public ArchiveLimits Limits => limits;

        public ContentStore Store => store;

        /// <summary>Reads every member; a problem stops the pass and is recorded, what was read before it stays.</summary>
        public LayerIndex Index(TarInput input, string label, IMemberClaim? claim = null)
        {
            var index = new LayerIndex(label);
            var reader = new TarReader(input, limits);
            try
            {
                for (var entry = reader.Next(); entry != null; entry = reader.Next())
                {
                    if (++entryCount > limits.MaxEntries)
                    {
                        index.AddProblem("more than " + limits.MaxEntries + " entries; the rest is not read");
                        return index;
                    }

                    var path = ArchivePath.NormalizeInner(entry.Name);
                    if (path == "/")
                    {
                        continue;
                    }

                    var indexed = Entry(reader, entry, path, claim);
                    if (indexed != null)
                    {
                        index.Entries.Add(indexed);
                    }
                }
            }
            catch (Exception e) when (IsDataError(e))
            {
                index.AddProblem(e.Message);
            }

            return index;
        }

        internal static bool IsDataError(Exception e) =>
            e is ArchiveFormatException || e is InvalidDataException || e is EndOfStreamException || e is IOException;

        private LayerEntry? Entry(TarReader reader, TarEntry entry, string path, IMemberClaim? claim)
        {
            if (entry.Problem != null)
            {
                return LayerEntry.Broken(path, entry.Problem);
            }

            switch (entry.Type)
            {
                case TarEntryType.Directory:
                    return LayerEntry.Directory(path);
                case TarEntryType.SymbolicLink:
                    return LayerEntry.SymbolicLink(path, entry.LinkName);
                case TarEntryType.HardLink:
                    return LayerEntry.HardLink(path, ArchivePath.NormalizeInner(entry.LinkName));
                case TarEntryType.CharacterDevice:
                    return LayerEntry.Special(path, "character device");
                case TarEntryType.BlockDevice:
                    return LayerEntry.Special(path, "block device");
                case TarEntryType.Fifo:
                    return LayerEntry.Special(path, "FIFO");
                case TarEntryType.Volume:
                    return null;
                case TarEntryType.Sparse:
                    return LayerEntry.Broken(path, "GNU sparse file: its data is a hole map, not read");
                default:
                    return RegularFile(reader, entry, path, claim);
            }
        }

        private LayerEntry RegularFile(TarReader reader, TarEntry entry, string path, IMemberClaim? claim)
        {
            var seekable = reader.Input.Seekable;
            if (seekable != null)
            {
                long offset = reader.DataOffsetInSource;
                if (claim != null && claim.Wants(path))
                {
                    var head = new byte[PrefixSize];
                    int got = seekable.ReadFully(offset, head, 0, (int)Math.Min(PrefixSize, entry.Size));
                    claim.Claim(new MemberData(path, entry.Size, head, got, seekable, offset, null));
                }

                return LayerEntry.File(path, new SliceContent(seekable, offset, entry.Size));
            }

            var data = reader.OpenData();
            int count = ReadPrefix(data, (int)Math.Min(PrefixSize, entry.Size));
            var sniff = ContentSniff.Of(prefix, count);
            // A claimed member (a layer) is read by a nested pass that reuses this indexer's prefix buffer: it gets a copy.
            if (claim != null && claim.Wants(path) && claim.Claim(new MemberData(path, entry.Size, (byte[])prefix.Clone(), count, null, 0, data)))
            {
                return LayerEntry.File(path, new PassedContent(entry.Size, sniff));
            }

            bool configuration = KeptPaths.IsLoaderConfiguration(path) && entry.Size <= limits.MaxMetadataBytes;
            if (!sniff.IsScannable && !configuration)
            {
                return LayerEntry.File(path, new PassedContent(entry.Size, sniff));
            }

            try
            {
                return LayerEntry.File(path, new KeptContent(store.Store(prefix, count, data, entry.Size), sniff));
            }
            catch (Exception e) when (IsDataError(e))
            {
                return LayerEntry.Broken(path, e.Message);
            }
        }

        private int ReadPrefix(Stream data, int wanted)
        {
            int got = 0;
            while (got < wanted)
            {
                int read = data.Read(prefix, got, wanted - got);
                if (read <= 0)
                {
                    break;
                }

                got += read;
            }

            return got;
        }
    }
}
