using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TlsGuard.Core.Files.Archives.Content;
using TlsGuard.Core.Files.Archives.Images;

namespace TlsGuard.Core.Files.Archives.Zip
{
    /// <summary>
    /// A zip (.nupkg, .whl, .apk, .aar, .jar, .zip) as a file-system view. Names are normalised inside the view
    /// ('\' read as '/', "../" and leading '/' cannot leave the root). Members that cannot be trusted are reported on
    /// their path instead of read: two members with one name (readers disagree on which one counts; Android refuses
    /// such an .apk), members whose data overlaps another's (the overlapping-files zip bomb), a local header that names
    /// another member, unsupported methods, encryption and sizes deflate cannot produce.
    /// </summary>
    internal static class ZipLoader
    {
        public static LayerIndex Load(SharedByteSource zip, ArchiveLimits limits, ContentStore store)
        {
            var index = new LayerIndex("");
            var records = ZipDirectory.Read(zip, limits, out long directoryStart);
            var problems = new Dictionary<ZipRecord, string>();
            foreach (var record in records)
            {
                var refusal = ZipMemberContent.Refusal(record) ?? ZipDirectory.LocateData(zip, record);
                if (refusal != null)
                {
                    problems[record] = refusal;
                }
            }

            MarkOverlaps(records, directoryStart, problems);
            var byPath = records.GroupBy(record => PathOf(record.Name), StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
            var emitted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in records)
            {
                var path = PathOf(record.Name);
                if (path == "/" || !emitted.Add(path))
                {
                    continue;
                }

                var named = byPath[path];
                var files = named.Where(r => !r.IsDirectory).ToList();
                if (files.Count > 1)
                {
                    index.Entries.Add(LayerEntry.Broken(path, "the zip holds " + files.Count + " members named " + path.Substring(1)
                        + ": readers disagree on which one counts, so none is read"));
                    continue;
                }

                var member = files.Count == 1 ? files[0] : record;
                index.Entries.Add(Entry(zip, member, path, problems, store, limits));
            }

            return index;
        }

        private static LayerEntry Entry(SharedByteSource zip, ZipRecord record, string path, Dictionary<ZipRecord, string> problems, ContentStore store, ArchiveLimits limits)
        {
            if (record.IsDirectory)
            {
                return LayerEntry.Directory(path);
            }

            if (problems.TryGetValue(record, out var problem))
            {
                return LayerEntry.Broken(path, problem);
            }

            var content = new ZipMemberContent(zip, record, store);
            if (!record.IsSymbolicLink)
            {
                return LayerEntry.File(path, content);
            }

            if (record.Size > limits.MaxPathLength)
            {
                return LayerEntry.Broken(path, "symbolic link target longer than " + limits.MaxPathLength + " bytes");
            }

            using (var source = content.Open(out var error))
            {
                if (source == null)
                {
                    return LayerEntry.Broken(path, error ?? "symbolic link target cannot be read");
                }

                var target = new byte[source.Length];
                int got = source.Read(0, target, 0, target.Length);
                return LayerEntry.SymbolicLink(path, Encoding.UTF8.GetString(target, 0, got));
            }
        }

        private static string PathOf(string name) => ArchivePath.NormalizeInner(name.Replace('\\', '/'));

        /// <summary>Each member's header and data must end before the next member's local header and before the directory.</summary>
        private static void MarkOverlaps(List<ZipRecord> records, long directoryStart, Dictionary<ZipRecord, string> problems)
        {
            var placed = records.Where(record => record.DataStart >= 0).OrderBy(record => record.LocalHeaderOffset).ToList();
            for (int i = 0; i < placed.Count; i++)
            {
                var record = placed[i];
                long end = record.DataStart + record.CompressedSize;
                long limit = i + 1 < placed.Count ? placed[i + 1].LocalHeaderOffset : directoryStart;
                if (end > limit)
                {
                    var other = i + 1 < placed.Count ? placed[i + 1].Name : "the central directory";
                    problems[record] = "its data overlaps " + other + " (overlapping members are a zip bomb construction)";
                    if (i + 1 < placed.Count)
                    {
                        problems[placed[i + 1]] = "its data overlaps " + record.Name + " (overlapping members are a zip bomb construction)";
                    }
                }
            }
        }
    }
}
