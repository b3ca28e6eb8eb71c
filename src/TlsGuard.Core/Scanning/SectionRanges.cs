using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// The distinct file ranges a kind of section (symbol tables, relocation sections) covers. Headers that repeat a
    /// range (same offset, size and entry size) count once, so a hundred headers over one table read it once; ranges
    /// that partly overlap are a corrupt file, since reading both would read the shared bytes again.
    /// </summary>
    internal sealed class SectionRanges
    {
        private readonly string what;
        private readonly List<Entry> entries = new List<Entry>();

        public SectionRanges(string what) => this.what = what;

        public void Add(ulong index, SectionHeader section)
        {
            if (section.Size != 0)
            {
                entries.Add(new Entry(index, section.Offset, section.Size, section.EntrySize));
            }
        }

        /// <summary>The section index of each distinct range, in section order.</summary>
        public List<ulong> Distinct()
        {
            var byOffset = new List<Entry>(entries);
            byOffset.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.Index.CompareTo(b.Index));
            var kept = new List<ulong>();
            Entry? previous = null;
            foreach (Entry entry in byOffset)
            {
                if (previous is Entry p)
                {
                    if (entry.Offset == p.Offset && entry.Size == p.Size && entry.EntrySize == p.EntrySize)
                    {
                        continue;
                    }

                    if (entry.Offset < p.Offset + p.Size)
                    {
                        throw new ElfFormatException(what + "s [" + p.Index + "] and [" + entry.Index + "] overlap");
                    }
                }

                kept.Add(entry.Index);
                previous = entry;
            }

            kept.Sort();
            return kept;
        }

        private readonly struct Entry
        {
            public Entry(ulong index, ulong offset, ulong size, ulong entrySize)
            {
                Index = index;
                Offset = offset;
                Size = size;
                EntrySize = entrySize;
            }

            public ulong Index { get; }
            public ulong Offset { get; }
            public ulong Size { get; }
            public ulong EntrySize { get; }
        }
    }
}
