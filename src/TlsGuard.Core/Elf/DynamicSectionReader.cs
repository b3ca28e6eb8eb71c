using System.Collections.Generic;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Reads the PT_DYNAMIC entries up to DT_NULL (or the end of the segment's file image).</summary>
    internal static class DynamicSectionReader
    {
        public static IReadOnlyList<DynamicEntry> Read(WindowedReader reader, ProgramHeader dynamic, bool is64)
        {
            int entrySize = is64 ? 16 : 8;
            long start = Bounds.Range(dynamic.Offset, dynamic.FileSize, reader.Length, "dynamic segment");
            ulong count = dynamic.FileSize / (ulong)entrySize;
            var entries = new List<DynamicEntry>();
            for (ulong n = 0; n < count; n++)
            {
                long offset = start + (long)n * entrySize;
                ulong tag = reader.Word(offset, is64);
                if (tag == 0)
                {
                    break;
                }

                ulong value = reader.Word(offset + entrySize / 2, is64);
                long signedTag = is64 ? (long)tag : (int)(uint)tag;
                entries.Add(new DynamicEntry((DynamicTag)signedTag, value));
            }

            return entries;
        }
    }
}
