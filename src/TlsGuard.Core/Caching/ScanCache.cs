using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TlsGuard.Core.Files;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// Scan results remembered between builds, keyed by full path and bound to the file's identity (<see cref="FileStamp"/>:
    /// length, last write time, and on Linux device, inode and change time) and to the tool version, so an unchanged
    /// library is never read twice. Stored as one JSON file per project. The file is a hint, never an authority: every
    /// entry is checked when read (each field's type and range, then <see cref="ScanResultValidation"/>), and an entry
    /// that fails is dropped, so its file is scanned again and the cache rewritten.
    /// </summary>
    public sealed class ScanCache
    {
        /// <summary>Bumped when the file layout changes; a cache of another format is discarded, never migrated.</summary>
        public const int FormatVersion = 4;

        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly List<string> _rejected = new List<string>();

        public ScanCache(string toolVersion)
        {
            ToolVersion = toolVersion;
        }

        /// <summary>Results from another tool version are never reused: the scanner may have learned something since.</summary>
        public string ToolVersion { get; }

        public int Count => _entries.Count;

        /// <summary>True when <see cref="Save"/> has something new to write.</summary>
        public bool IsDirty { get; private set; }

        /// <summary>Entries dropped when the cache file was read, each with why; their files are scanned again.</summary>
        public IReadOnlyList<string> Rejected => _rejected;

        /// <summary>
        /// Reads a cache file. A missing, unreadable, corrupt or foreign file gives an empty cache (rewritten at the next
        /// <see cref="Save"/>); entries that fail validation are left out. Never throws.
        /// </summary>
        public static ScanCache Load(string cacheFile, string toolVersion)
        {
            var cache = new ScanCache(toolVersion);
            try
            {
                if (!File.Exists(cacheFile))
                {
                    return cache;
                }

                cache.ReadFrom(JsonValue.Parse(File.ReadAllText(cacheFile)));
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is JsonParseException || exception is FormatException)
            {
                var empty = new ScanCache(toolVersion) { IsDirty = true };
                empty._rejected.Add("the cache file: " + exception.Message);
                return empty;
            }

            return cache;
        }

        /// <summary>The remembered results for <paramref name="fullPath"/> if the file still has <paramref name="stamp"/>.</summary>
        public bool TryGet(string fullPath, FileStamp stamp, out IReadOnlyList<ElfScanResult> results)
        {
            if (_entries.TryGetValue(fullPath, out var entry) && entry.Stamp.Equals(stamp))
            {
                entry.Used = true;
                results = entry.Results;
                return true;
            }

            results = new ElfScanResult[0];
            return false;
        }

        public void Put(string fullPath, FileStamp stamp, IReadOnlyList<ElfScanResult> results)
        {
            _entries[fullPath] = new Entry(stamp, results) { Used = true };
            IsDirty = true;
        }

        /// <summary>
        /// Writes the cache atomically when it changed. Entries not used in this session are kept while their file is
        /// unchanged (another scan of the same project may need them) and dropped once it changed or disappeared.
        /// Returns true when the file was written; IO errors propagate.
        /// </summary>
        public bool Save(string cacheFile)
        {
            PruneStaleEntries();
            if (!IsDirty && File.Exists(cacheFile))
            {
                return false;
            }

            AtomicFile.WriteAllText(cacheFile, Serialize());
            IsDirty = false;
            return true;
        }

        public string Serialize()
        {
            var text = new StringWriter();
            var writer = new JsonWriter(text, indented: false);
            writer.StartObject();
            writer.Property("format", FormatVersion);
            writer.Property("toolVersion", ToolVersion);
            writer.Name("entries").StartArray();
            var paths = new List<string>(_entries.Keys);
            paths.Sort(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                var entry = _entries[path];
                writer.StartObject();
                writer.Property("path", path);
                writer.Property("length", entry.Stamp.Length);

                // Ticks, devices and inodes exceed 2^53, which JSON numbers read as doubles cannot hold exactly.
                writer.Property("lastWriteTicks", Text(entry.Stamp.LastWriteTimeUtcTicks));
                writer.Property("device", entry.Stamp.Identity.Device.ToString(CultureInfo.InvariantCulture));
                writer.Property("inode", entry.Stamp.Identity.Inode.ToString(CultureInfo.InvariantCulture));
                writer.Property("changeTicks", Text(entry.Stamp.Identity.ChangeTimeUtcTicks));
                writer.Property("checksum", EntryChecksum.Of(ToolVersion, path, entry.Stamp, entry.Results));
                writer.Name("results").StartArray();
                foreach (var result in entry.Results)
                {
                    ScanResultJson.Write(writer, result);
                }

                writer.EndArray();
                writer.EndObject();
            }

            writer.EndArray();
            writer.EndObject();
            return text.ToString();
        }

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

        private void ReadFrom(JsonValue root)
        {
            JsonFields.Object(root, "the cache");
            if (root.GetInt64("format") != FormatVersion || !string.Equals(root.GetString("toolVersion"), ToolVersion, StringComparison.Ordinal))
            {
                throw new FormatException("written by another tool version or format");
            }

            foreach (var item in JsonFields.Array(root, "entries"))
            {
                try
                {
                    var (path, entry) = ReadEntry(item);
                    if (_entries.ContainsKey(path))
                    {
                        throw new FormatException("a second entry for the same path");
                    }

                    _entries.Add(path, entry);
                }
                catch (FormatException exception)
                {
                    _rejected.Add((item.Kind == JsonKind.Object ? item.GetString("path") ?? "an entry" : "an entry") + ": " + exception.Message);
                    IsDirty = true;
                }
            }
        }

        private (string Path, Entry Entry) ReadEntry(JsonValue item)
        {
            JsonFields.Object(item, "a cache entry");
            var path = JsonFields.RequiredString(item, "path");
            var stamp = new FileStamp(
                JsonFields.Integer(item, "length", 0, long.MaxValue),
                JsonFields.SignedText(item, "lastWriteTicks"),
                new FileIdentity(JsonFields.UnsignedText(item, "device"), JsonFields.UnsignedText(item, "inode"), JsonFields.SignedText(item, "changeTicks")));
            var results = new List<ElfScanResult>();
            foreach (var value in JsonFields.Array(item, "results"))
            {
                var result = ScanResultJson.Read(value);
                var problem = ScanResultValidation.Problem(result, path);
                if (problem != null)
                {
                    throw new FormatException(problem);
                }

                results.Add(result);
            }

            if (!string.Equals(JsonFields.RequiredString(item, "checksum"), EntryChecksum.Of(ToolVersion, path, stamp, results), StringComparison.Ordinal))
            {
                throw new FormatException("its checksum does not match its content: the entry was changed after it was written");
            }

            return (path, new Entry(stamp, results));
        }

        private void PruneStaleEntries()
        {
            var stale = new List<string>();
            foreach (var pair in _entries)
            {
                if (!pair.Value.Used && !pair.Value.Stamp.Equals(FileStamp.Of(pair.Key) ?? default(FileStamp)))
                {
                    stale.Add(pair.Key);
                }
            }

            foreach (var path in stale)
            {
                _entries.Remove(path);
                IsDirty = true;
            }
        }

        private sealed class Entry
        {
            public Entry(FileStamp stamp, IReadOnlyList<ElfScanResult> results)
            {
                Stamp = stamp;
                Results = results;
            }

            public FileStamp Stamp { get; }
            public IReadOnlyList<ElfScanResult> Results { get; }
            public bool Used { get; set; }
        }
    }
}
