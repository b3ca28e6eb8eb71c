using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Json;

namespace TlsGuard.Core.Policy
{
    /// <summary>
    /// Findings accepted at some point in time. File format: {"version":1,"entries":[{"id","fingerprint","file"}]}.
    /// Entries match findings by id and fingerprint, so moving the checkout does not invalidate a baseline.
    /// </summary>
    public sealed class Baseline
    {
        public const int FormatVersion = 1;

        private readonly HashSet<string> _keys;

        public Baseline(string path, IReadOnlyList<BaselineEntry> entries)
        {
            Path = path;
            Entries = entries;
            _keys = new HashSet<string>(entries.Select(entry => entry.Key), StringComparer.Ordinal);
        }

        /// <summary>Where the baseline was read from: stale-entry findings point here.</summary>
        public string Path { get; }

        public IReadOnlyList<BaselineEntry> Entries { get; }

        /// <summary>Reads a baseline file. Throws <see cref="BaselineFormatException"/> for a malformed file and IOException when it cannot be read.</summary>
        public static Baseline Load(string path) =>
            Directory.Exists(path)
                ? throw new BaselineFormatException(path, "it is a folder; give the baseline file (tlsguard baseline writes one)")
                : Parse(File.ReadAllText(path, Encoding.UTF8), path);

        public static Baseline Parse(string json, string path)
        {
            JsonValue root;
            try
            {
                root = JsonValue.Parse(json);
            }
            catch (JsonParseException e)
            {
                throw new BaselineFormatException(path, e.Message, e);
            }

            if (root.Kind != JsonKind.Object)
            {
                throw new BaselineFormatException(path, "the top level is not an object");
            }

            var version = root.GetInt64("version");
            if (version != FormatVersion)
            {
                throw new BaselineFormatException(path, "version " + (version?.ToString() ?? "missing") + ", expected " + FormatVersion);
            }

            var entries = new List<BaselineEntry>();
            foreach (var item in root.GetArray("entries"))
            {
                var id = item.GetString("id");
                var fingerprint = item.GetString("fingerprint");
                if (id == null || fingerprint == null)
                {
                    throw new BaselineFormatException(path, "entry " + entries.Count + " lacks an id or fingerprint");
                }

                entries.Add(new BaselineEntry(id, fingerprint, item.GetString("file") ?? ""));
            }

            return new Baseline(path, entries);
        }

        /// <summary>Only findings a fail-on level can count go into a baseline; notes never fail a run.</summary>
        public static bool Records(ReportedFinding reported) =>
            reported.Level >= DiagnosticSeverity.Warning && reported.Finding.Id != DiagnosticIds.StaleBaselineEntry;

        /// <summary>The entries a baseline of these findings holds: recorded findings, one per id and fingerprint, sorted.</summary>
        public static IReadOnlyList<BaselineEntry> EntriesFor(IEnumerable<ReportedFinding> findings, string? baseDirectory)
        {
            var byKey = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
            foreach (var finding in findings.Where(Records).Select(reported => reported.Finding))
            {
                var entry = new BaselineEntry(finding.Id, FindingKeys.FingerprintOf(finding), DisplayFile(finding.FilePath, baseDirectory));
                if (!byKey.ContainsKey(entry.Key))
                {
                    byKey.Add(entry.Key, entry);
                }
            }

            return byKey.Values
                .OrderBy(entry => entry.Id, StringComparer.Ordinal)
                .ThenBy(entry => entry.File, StringComparer.Ordinal)
                .ThenBy(entry => entry.Fingerprint, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Writes a baseline of <paramref name="findings"/>; files under <paramref name="baseDirectory"/> are written relative to it.</summary>
        public static void Write(TextWriter writer, IEnumerable<ReportedFinding> findings, string? baseDirectory = null)
        {
            var json = new JsonWriter(writer);
            json.StartObject();
            json.Property("version", FormatVersion);
            json.Name("entries").StartArray();
            foreach (var entry in EntriesFor(findings, baseDirectory))
            {
                json.StartObject()
                    .Property("id", entry.Id)
                    .Property("fingerprint", entry.Fingerprint)
                    .Property("file", entry.File)
                    .EndObject();
            }

            json.EndArray();
            json.EndObject();
        }

        public BaselineResult Apply(IReadOnlyList<Finding> findings)
        {
            var baselined = new List<Finding>();
            var fresh = new List<Finding>();
            var matched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var finding in findings)
            {
                var key = FindingKeys.Key(finding);
                if (_keys.Contains(key))
                {
                    baselined.Add(finding);
                    matched.Add(key);
                }
                else
                {
                    fresh.Add(finding);
                }
            }

            var stale = Entries.Where(entry => !matched.Contains(entry.Key)).ToList();
            return new BaselineResult(fresh, baselined, stale, stale.Select(entry => FindingFactory.StaleBaselineEntry(Path, entry)).ToList());
        }

        private static string DisplayFile(string filePath, string? baseDirectory)
        {
            if (string.IsNullOrEmpty(baseDirectory))
            {
                return filePath;
            }

            var root = System.IO.Path.GetFullPath(baseDirectory).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
            var full = System.IO.Path.GetFullPath(filePath);
            return full.StartsWith(root, StringComparison.Ordinal)
                ? full.Substring(root.Length).Replace(System.IO.Path.DirectorySeparatorChar, '/')
                : filePath;
        }
    }
}
