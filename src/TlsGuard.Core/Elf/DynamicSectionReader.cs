using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Streams the PT_DYNAMIC entries up to DT_NULL (or the end of the segment's file image) into a <see cref="DynamicInfo"/>.</summary>
    internal static class DynamicSectionReader
    {
        public static DynamicInfo Read(WindowedReader reader, ProgramHeader dynamic, int maxNeeded, int maxSearchPathTags)
        {
            int entrySize = reader.Decoder.DynamicEntrySize;
            long start = Bounds.Range(dynamic.Offset, dynamic.FileSize, reader.Length, "dynamic segment");
            ulong count = dynamic.FileSize / (ulong)entrySize;
            var info = new DynamicInfo(maxNeeded, maxSearchPathTags);
            for (ulong n = 0; n < count; n++)
            {
                DynamicEntry entry = reader.DynamicEntryAt(start + (long)n * entrySize);
                if (entry.Tag == DynamicTag.Null)
                {
                    break;
                }

                info.Add(entry);
            }

            return info;
        }
    }
}
