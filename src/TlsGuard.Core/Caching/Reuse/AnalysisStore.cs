using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using TlsGuard.Core.Files;
using TlsGuard.Core.Json;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// The analyses a project's builds made, kept in one file beside the scan cache (obj/TlsGuard.analysis), so a build
    /// whose inputs, options and files are all unchanged reads one file, asks the file system its recorded questions (a
    /// stat per library, per dependency, per probed path) and reuses the findings. Like the scan cache it is a hint, never
    /// an authority: an entry whose checksum, shape or meaning is wrong is dropped, an entry is reused only when every
    /// recorded question gets the answer it got then, and anything else is analysed again.
    /// <para>
    /// The file is a header line, then one line per entry, the most recent first: "key checksum json". Only the entry
    /// whose key a build asks for is checked and parsed; the others are carried along as text.
    /// </para>
    /// </summary>
    public sealed class AnalysisStore
    {
        /// <summary>Bumped when the layout changes; a file of another format is discarded, never migrated.</summary>
        public const int FormatVersion = 1;

        /// <summary>One project keeps a handful: the build's scan, the output scan, publish and pack scans per target.</summary>
        public const int MaxEntries = 8;

        private const string HeaderPrefix = "# tlsguard-analyses ";

        private readonly List<Line> _lines = new List<Line>();
        private readonly List<string> _rejected = new List<string>();

        public AnalysisStore(string toolVersion)
        {
            ToolVersion = toolVersion;
        }

        public string ToolVersion { get; }

        /// <summary>The keys held, the most recent first.</summary>
        public IReadOnlyList<string> Keys
        {
            get
            {
                var keys = new List<string>(_lines.Count);
                foreach (var line in _lines)
                {
                    keys.Add(line.Key);
                }

                return keys;
            }
        }

        /// <summary>What was dropped, each with why.</summary>
        public IReadOnlyList<string> Rejected => _rejected;

        public bool IsDirty { get; private set; }

        private string Header => HeaderPrefix + FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + ToolVersion;

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

            store.ReadFrom(text);
            return store;
        }

        /// <summary>
        /// The stored analysis made under <paramref name="key"/>, when its checksum and content hold and every question it
        /// asked gets the same answer from <paramref name="fileSystem"/> now; otherwise null (a damaged entry is dropped).
        /// </summary>
        public StoredAnalysis? FindValid(string key, IFileSystem fileSystem)
        {
            var at = _lines.FindIndex(line => string.Equals(line.Key, key, StringComparison.Ordinal));
            if (at < 0)
            {
                return null;
            }

            StoredAnalysis entry;
            try
            {
                entry = Parse(_lines[at]);
            }
            catch (Exception exception) when (exception is FormatException || exception is JsonParseException)
            {
                _lines.RemoveAt(at);
                Reject("the entry for this build: " + exception.Message);
                return null;
            }

            return AllAnswersHold(entry, fileSystem) ? entry : null;
        }

        /// <summary>Keeps <paramref name="entry"/> (replacing one with its key) as the most recent; the oldest beyond <see cref="MaxEntries"/> go.</summary>
        public void Put(StoredAnalysis entry)
        {
            _lines.RemoveAll(line => string.Equals(line.Key, entry.Key, StringComparison.Ordinal));
            var json = Json(entry);
            _lines.Insert(0, new Line(entry.Key, Checksum(entry.Key, json), json));
            if (_lines.Count > MaxEntries)
            {
                _lines.RemoveRange(MaxEntries, _lines.Count - MaxEntries);
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
            var text = new StringBuilder(Header).Append('\n');
            foreach (var line in _lines)
            {
                text.Append(line.Key).Append(' ').Append(line.Checksum).Append(' ').Append(line.Json).Append('\n');
            }

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

        private static string Json(StoredAnalysis entry)
        {
            var text = new StringWriter();
            var writer = new JsonWriter(text, indented: false);
            writer.StartObject();
            writer.Name("probes").StartArray();
            foreach (var probe in entry.Probes)
            {
                writer.StartArray().String(ProbeNames.Name(probe.Kind)).String(probe.Path).String(probe.Answer).EndArray();
            }

            writer.EndArray();
            writer.Property("scannedFiles", entry.ScannedFiles);
            writer.Name("analysis");
            DescribedAnalysisJson.Write(writer, entry.Analysis);
            writer.EndObject();
            return text.ToString();
        }

        /// <summary>SHA-256 of the tool, the key and the entry's text: an edit, even to a well-formed value that means something else, no longer matches.</summary>
        private string Checksum(string key, string json) => Sha256.Hex(ToolVersion + "\n" + key + "\n" + json);

        private void ReadFrom(string text)
        {
            var lines = text.Split('\n');
            if (!string.Equals(lines[0], Header, StringComparison.Ordinal))
            {
                Reject("the store file: written by another tool version or format");
                return;
            }

            var repeated = new HashSet<string>(StringComparer.Ordinal);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0 && i == lines.Length - 1)
                {
                    break;
                }

                var first = lines[i].IndexOf(' ');
                var second = first < 0 ? -1 : lines[i].IndexOf(' ', first + 1);
                if (second < 0 || _lines.Count == MaxEntries)
                {
                    Reject(second < 0 ? "a line that is not an entry" : "more than " + MaxEntries + " entries");
                    continue;
                }

                var line = new Line(lines[i].Substring(0, first), lines[i].Substring(first + 1, second - first - 1), lines[i].Substring(second + 1));
                if (!keys.Add(line.Key))
                {
                    repeated.Add(line.Key);
                }

                _lines.Add(line);
            }

            // Two entries for one key were not both written by a build: neither is trusted.
            if (_lines.RemoveAll(line => repeated.Contains(line.Key)) > 0)
            {
                Reject("two entries for one key");
            }
        }

        private StoredAnalysis Parse(Line line)
        {
            if (!string.Equals(line.Checksum, Checksum(line.Key, line.Json), StringComparison.Ordinal))
            {
                throw new FormatException("its checksum does not match its content: the entry was changed after it was written");
            }

            var item = JsonFields.Object(JsonValue.Parse(line.Json), "an entry");
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
            return new StoredAnalysis(line.Key, probes, scanned, analysis);
        }

        private void Reject(string reason)
        {
            _rejected.Add(reason);
            IsDirty = true;
        }

        private sealed record Line(string Key, string Checksum, string Json);
    }
}
