using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// Scan results remembered between builds, keyed by full path and checked against the file's length, last write
    /// time and the tool version, so an unchanged library is never read twice. Stored as one JSON file per project.
    /// </summary>
    public sealed class ScanCache
    {
        /// <summary>Bumped when the file layout changes; a cache of another format is discarded, never migrated.</summary>
        public const int FormatVersion = 3;

        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);

        public ScanCache(string toolVersion)
        {
            ToolVersion = toolVersion;
        }

        /// <summary>Results from another tool version are never reused: the scanner may have learned something since.</summary>
        public string ToolVersion { get; }

        public int Count => _entries.Count;

        /// <summary>True when <see cref="Save"/> has something new to write.</summary>
        public bool IsDirty { get; private set; }

        /// <summary>Reads a cache file. A missing, unreadable, corrupt or foreign file gives an empty cache; never throws.</summary>
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
                return new ScanCache(toolVersion);
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

                // Ticks exceed 2^53, which JSON numbers read as doubles cannot hold exactly.
                writer.Property("lastWriteTicks", entry.Stamp.LastWriteTimeUtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

        private void ReadFrom(JsonValue root)
        {
            if (root.Kind != JsonKind.Object
                || root.GetInt64("format") != FormatVersion
                || !string.Equals(root.GetString("toolVersion"), ToolVersion, StringComparison.Ordinal))
            {
                return;
            }

            foreach (var item in root.GetArray("entries"))
            {
                var path = item.GetString("path");
                var length = item.GetInt64("length");
                if (path == null || length == null
                    || !long.TryParse(item.GetString("lastWriteTicks"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks))
                {
                    throw new FormatException("cache entry without path, length or time stamp");
                }

                var results = new List<ElfScanResult>();
                foreach (var result in item.GetArray("results"))
                {
                    results.Add(ScanResultJson.Read(result));
                }

                _entries[path] = new Entry(new FileStamp(length.Value, ticks), results);
            }
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
