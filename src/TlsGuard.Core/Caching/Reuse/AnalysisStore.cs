using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Files;
using TlsGuard.Core.Json;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// The analyses a project's builds made, kept in one JSON file beside the scan cache (obj/TlsGuard.analysis), so a
    /// build whose inputs, options and files are all unchanged reads one file, asks the file system its recorded
    /// questions (a stat per library, per dependency, per probed path) and reuses the findings. Like the scan cache it is a
    /// hint, never an authority: an entry whose checksum, shape or meaning is wrong is dropped; an entry is reused only
    /// when every recorded question gets the answer it got then; anything else is analysed again.
    /// </summary>
    public sealed class AnalysisStore
    {
        /// <summary>Bumped when the layout changes; a file of another format is discarded, never migrated.</summary>
        public const int FormatVersion = 1;

        /// <summary>One project keeps a handful: the build's scan, the output scan, publish and pack scans per target.</summary>
        public const int MaxEntries = 8;

        private readonly List<StoredAnalysis> _entries = new List<StoredAnalysis>();
        private readonly List<string> _rejected = new List<string>();

        public AnalysisStore(string toolVersion)
        {
            ToolVersion = toolVersion;
        }

        public string ToolVersion { get; }

        public IReadOnlyList<StoredAnalysis> Entries => _entries;

        /// <summary>What was dropped when the file was read, each with why.</summary>
        public IReadOnlyList<string> Rejected => _rejected;

        public bool IsDirty { get; private set; }

        /// <summary>Reads a store file; a missing, unreadable, corrupt or foreign one gives an empty store. Never throws.</summary>
        public static AnalysisStore Load(string file, string toolVersion)
        {
            var store = new AnalysisStore(toolVersion);
            string text;
            try
            {
                if (!File.Exists(file))
                {
                    return store;
                }

                text = File.ReadAllText(file);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is ArgumentException || exception is NotSupportedException)
            {
                store.Reject("the store file: " + exception.Message);
                return store;
            }

            try
            {
                store.ReadFrom(JsonValue.Parse(text));
            }
            catch (Exception exception) when (exception is JsonParseException || exception is FormatException)
            {
                store._entries.Clear();
                store.Reject("the store file: " + exception.Message);
            }

            return store;
        }

        /// <summary>
        /// The stored analysis made under <paramref name="key"/>, when every question it asked gets the same answer from
        /// <paramref name="fileSystem"/> now; otherwise null.
        /// </summary>
        public StoredAnalysis? FindValid(string key, IFileSystem fileSystem)
        {
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                {
                    return AllAnswersHold(entry, fileSystem) ? entry : null;
                }
            }

            return null;
        }

        /// <summary>Keeps <paramref name="entry"/> (replacing one with its key) as the most recent; the oldest beyond <see cref="MaxEntries"/> go.</summary>
        public void Put(StoredAnalysis entry)
        {
            _entries.RemoveAll(e => string.Equals(e.Key, entry.Key, StringComparison.Ordinal));
            _entries.Insert(0, entry);
            if (_entries.Count > MaxEntries)
            {
                _entries.RemoveRange(MaxEntries, _entries.Count - MaxEntries);
            }

            IsDirty = true;
        }

        /// <summary>Writes the store atomically when it changed; IO errors propagate.</summary>
        public bool Save(string file)
        {
            if (!IsDirty)
            {
                return false;
            }

            AtomicFile.WriteAllText(file, Serialize());
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
            foreach (var entry in _entries)
            {
                writer.StartObject();
                writer.Property("key", entry.Key);
                WriteContent(writer, entry);
                writer.Property("checksum", Checksum(entry));
                writer.EndObject();
            }

            writer.EndArray();
            writer.EndObject();
            return text.ToString();
        }

        private static bool AllAnswersHold(StoredAnalysis entry, IFileSystem fileSystem)
        {
            // Status, content and scan questions about one path share one answer: the path's status is asked once.
            var statuses = new Dictionary<string, FileStatus>(StringComparer.Ordinal);
            foreach (var probe in entry.Probes)
            {
                string answer;
                if (probe.Kind == ProbeKind.Listing)
                {
                    answer = FileProbe.Ask(fileSystem, ProbeKind.Listing, probe.Path);
                }
                else
                {
                    if (!statuses.TryGetValue(probe.Path, out var status))
                    {
                        status = fileSystem.Status(probe.Path);
                        statuses.Add(probe.Path, status);
                    }

                    answer = probe.Kind == ProbeKind.Kind ? FileProbe.KindAnswer(status.Kind) : FileProbe.StatusAnswer(status);
                }

                if (!string.Equals(answer, probe.Answer, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static void WriteContent(JsonWriter writer, StoredAnalysis entry)
        {
            writer.Name("probes").StartArray();
            foreach (var probe in entry.Probes)
            {
                writer.StartArray().String(ProbeNames.Name(probe.Kind)).String(probe.Path).String(probe.Answer).EndArray();
            }

            writer.EndArray();
            writer.Property("scannedFiles", entry.ScannedFiles);
            writer.Name("analysis");
            DescribedAnalysisJson.Write(writer, entry.Analysis);
        }

        /// <summary>SHA-256 of everything the entry says: an edit, even to a well-formed value that means something else, no longer matches.</summary>
        private string Checksum(StoredAnalysis entry)
        {
            var text = new StringWriter();
            text.Write(ToolVersion);
            text.Write('\n');
            text.Write(entry.Key);
            text.Write('\n');
            var writer = new JsonWriter(text, indented: false);
            writer.StartObject();
            WriteContent(writer, entry);
            writer.EndObject();
            return Sha256.Hex(text.ToString());
        }

        private void ReadFrom(JsonValue root)
        {
            JsonFields.Object(root, "the store");
            if (root.GetInt64("format") != FormatVersion || !string.Equals(root.GetString("toolVersion"), ToolVersion, StringComparison.Ordinal))
            {
                throw new FormatException("written by another tool version or format");
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            var repeated = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in JsonFields.Array(root, "entries"))
            {
                try
                {
                    var entry = ReadEntry(item);
                    if (!keys.Add(entry.Key))
                    {
                        repeated.Add(entry.Key);
                        throw new FormatException("a second entry for the same key");
                    }

                    if (_entries.Count == MaxEntries)
                    {
                        throw new FormatException("more than " + MaxEntries + " entries");
                    }

                    _entries.Add(entry);
                }
                catch (FormatException exception)
                {
                    Reject("an entry: " + exception.Message);
                }
            }

            // Two entries for one key were not both written by a build: neither is trusted.
            _entries.RemoveAll(entry => repeated.Contains(entry.Key));
        }

        private StoredAnalysis ReadEntry(JsonValue item)
        {
            JsonFields.Object(item, "an entry");
            var key = JsonFields.RequiredString(item, "key");
            var probes = new List<FileProbe>();
            var seen = new HashSet<(ProbeKind, string)>();
            foreach (var value in JsonFields.Array(item, "probes"))
            {
                if (value.Kind != JsonKind.Array || value.Items.Count != 3 || value.Items[0].Kind != JsonKind.String
                    || value.Items[1].Kind != JsonKind.String || value.Items[2].Kind != JsonKind.String)
                {
                    throw new FormatException("a probe must be [kind, path, answer] strings");
                }

                var kind = ProbeNames.Parse(value.Items[0].StringValue);
                var path = value.Items[1].StringValue;
                if (!seen.Add((kind, path)))
                {
                    throw new FormatException("a probe appears twice");
                }

                probes.Add(new FileProbe(kind, path, value.Items[2].StringValue));
            }

            var scanned = (int)JsonFields.Integer(item, "scannedFiles", 0, probes.Count);
            var analysis = DescribedAnalysisJson.Read(item.Get("analysis") ?? JsonValue.NullValue);
            var entry = new StoredAnalysis(key, probes, scanned, analysis);
            if (!string.Equals(JsonFields.RequiredString(item, "checksum"), Checksum(entry), StringComparison.Ordinal))
            {
                throw new FormatException("its checksum does not match its content: the entry was changed after it was written");
            }

            return entry;
        }

        private void Reject(string reason)
        {
            _rejected.Add(reason);
            IsDirty = true;
        }
    }
}
