using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// One ELF file (or archive member) opened for a scan: its decoder (class and byte order, picked once), its headers,
    /// checked against the file size, the scan's string pool, and two read windows: a bulk one that streams relocation
    /// and symbol tables, and a small one for scattered lookups (symbols, strings, hash tables) so the lookups do not
    /// throw away the streamed window.
    /// </summary>
    internal sealed class ElfImage : IDisposable
    {
        private readonly IByteSource source;
        private ImageRegion? region;

        private ElfImage(IByteSource source, ElfDecoder decoder, NameBudget budget)
        {
            this.source = source;
            Length = source.Length;
            Small = new WindowedReader(source, BufferPool.SmallSize, decoder);
            Bulk = new WindowedReader(source, BufferPool.BulkSize, decoder);
            Strings = StringPool.Rent(budget);
        }

        public long Length { get; }
        public WindowedReader Small { get; }
        public WindowedReader Bulk { get; }
        public StringPool Strings { get; }
        public ElfHeader Header { get; private set; } = new ElfHeader();
        public IReadOnlyList<ProgramHeader> ProgramHeaders { get; private set; } = new ProgramHeader[0];
        public SectionHeaderTable Sections { get; private set; } = SectionHeaderTable.Empty;

        /// <summary>Null for a machine TlsGuard has no relocation knowledge of.</summary>
        public MachineTlsTable? Tls { get; private set; }

        public RelocationInfoLayout Layout => Tls != null && Header.Is64 ? Tls.Layout64 : RelocationInfoLayout.Standard;

        /// <summary>Reads the file header (reported to <paramref name="builder"/> at once), then the header tables.</summary>
        public static ElfImage Open(IByteSource source, ScanResultBuilder builder, NameBudget budget)
        {
            var image = new ElfImage(source, ElfHeaderReader.Identify(source), budget);
            try
            {
                image.Header = ElfHeaderReader.Read(image.Small);
                builder.SetHeader(image.Header);
                image.Tls = TlsRelocationTables.ForMachine(image.Header.Machine);
                image.ProgramHeaders = ProgramHeaderTableReader.Read(image.Small, image.Header);
                image.Sections = SectionHeaderTable.Read(image.Small, image.Header);
                image.CheckRanges();
                return image;
            }
            catch
            {
                image.Dispose();
                throw;
            }
        }

        /// <summary>Another window on the file with its decoder, for a third table read beside the two windows; the caller disposes it.</summary>
        public WindowedReader OpenReader(int windowSize)
        {
            var reader = new WindowedReader(source, windowSize, Small.Decoder);
            if (region != null)
            {
                reader.Attach(region);
            }

            return reader;
        }

        /// <summary>True when the shared region holds [offset, offset+count): reads there cost no file access.</summary>
        public bool RegionHolds(long offset, long count) => region != null && region.Holds(offset, count);

        /// <summary>
        /// Reads [start, start+length) once, when it is at most <see cref="BufferPool.MaxRegionSize"/> bytes, and serves every
        /// window's reads inside it from memory (<see cref="ImageRegion"/>); a larger range is left to the windows.
        /// </summary>
        public void ReadRegion(long start, long length)
        {
            if (region != null || length <= 0 || length > BufferPool.MaxRegionSize || start < 0 || start > Length - length)
            {
                return;
            }

            byte[] bytes = BufferPool.RentRegion();
            int got = source.ReadFully(start, bytes, 0, (int)length);
            region = new ImageRegion(bytes, start, got);
            Small.Attach(region);
            Bulk.Attach(region);
        }

        public ProgramHeader? FindSegment(ProgramHeaderType type)
        {
            for (int i = ProgramHeaders.Count - 1; i >= 0; i--)
            {
                ProgramHeader ph = ProgramHeaders[i];
                if (ph.Type == type && (type != ProgramHeaderType.Tls || ph.MemorySize != 0))
                {
                    return ph;
                }
            }

            return null;
        }

        public void Dispose()
        {
            Small.Dispose();
            Bulk.Dispose();
            if (region != null)
            {
                BufferPool.ReturnRegion(region.Bytes);
                region = null;
            }

            StringPool.Return(Strings);
        }

        /// <summary>
        /// Every segment and section the file claims to contain must lie inside it: a truncated or cut-down copy is
        /// reported as such instead of being judged on what happens to remain.
        /// </summary>
        private void CheckRanges()
        {
            foreach (ProgramHeader ph in ProgramHeaders)
            {
                bool checkedType = ph.Type == ProgramHeaderType.Load || ph.Type == ProgramHeaderType.Dynamic || ph.Type == ProgramHeaderType.Tls || ph.Type == ProgramHeaderType.Interpreter;
                if (checkedType && !Bounds.Fits(ph.Offset, ph.FileSize, Length))
                {
                    // The message is only built for a file that fails: naming an enum value is slow, and every header is checked.
                    Bounds.Range(ph.Offset, ph.FileSize, Length, "segment " + ph.Type);
                }
            }

            for (ulong i = 0; i < Sections.Count; i++)
            {
                SectionHeader s = Sections[i];
                if (s.Type != SectionType.Null && s.Type != SectionType.NoBits && !Bounds.Fits(s.Offset, s.Size, Length))
                {
                    Bounds.Range(s.Offset, s.Size, Length, "section [" + i + "]");
                }
            }
        }
    }
}
