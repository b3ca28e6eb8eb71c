using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Caching;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>
    /// The scan cache is a hint, never an authority (issue 12): every field of a real cache file is poisoned in turn
    /// with well-formed JSON of the wrong meaning (a negative size, another type, an unknown enum, an extra or a
    /// missing list entry, a flipped flag, another path), and each time the poisoned entry is scanned again, the
    /// results and the findings equal a cold scan's, and the cache is rewritten so the next session trusts it again.
    /// </summary>
    public sealed class ScanCachePoisonTests : IDisposable
    {
        private const string ToolVersion = "v1";
        private static readonly string[] Fixtures =
        {
            "x86_64-gcc/libie_own.so", "x86_64-gcc/libie_ext.so", "x86_64-gcc/libtlsobjs.a", "x86_64-gcc/exe_le", "ppc64-gcc/libie_ext_stripped.so",
        };

        private readonly TempDirectory temp = new();
        private readonly List<string> files;
        private readonly string cacheFile;
        private readonly string cleanCache;
        private readonly Dictionary<string, string> coldResults;
        private readonly List<string> coldFindings;

        public ScanCachePoisonTests()
        {
            files = Fixtures.Select(f => temp.Copy(RepositoryRoot.Fixture(f.Split('/')), f.Replace('/', '_'))).ToList();
            cacheFile = temp.Combine("obj", "TlsGuard.cache");
            var cache = new ScanCache(ToolVersion);
            var source = new CachingScanSource(new DefaultScanSource(), cache);
            coldResults = files.ToDictionary(f => f, f => Describe(ElfScanner.Scan(f)));
            coldFindings = Findings(new DefaultScanSource());
            foreach (var file in files)
            {
                source.Scan(file);
            }

            cache.Save(cacheFile);
            cleanCache = File.ReadAllText(cacheFile);
        }

        public void Dispose() => temp.Dispose();

        [Fact]
        public void The_cache_holds_every_fixture_and_a_clean_cache_is_trusted_whole()
        {
            var root = JsonNode.Parse(cleanCache)!;
            Assert.Equal(files.Count, root["entries"]!.AsArray().Count);

            var inner = new RecordingScanSource();
            var cache = ScanCache.Load(cacheFile, ToolVersion);
            var source = new CachingScanSource(inner, cache);
            foreach (var file in files)
            {
                Assert.Equal(coldResults[file], Describe(source.Scan(file)));
            }

            Assert.Empty(cache.Rejected);
            Assert.Empty(inner.Calls);
        }

        [Fact]
        public void Every_poisoned_field_is_scanned_again_and_the_findings_equal_a_cold_scan()
        {
            var failures = new List<string>();
            int poisons = 0;
            foreach (var (pointer, entryPath, poisoned) in Poisons())
            {
                poisons++;
                File.WriteAllText(cacheFile, poisoned);
                var inner = new RecordingScanSource();
                var cache = ScanCache.Load(cacheFile, ToolVersion);
                var source = new CachingScanSource(inner, cache);
                string? failure = null;
                foreach (var file in files)
                {
                    if (Describe(source.Scan(file)) != coldResults[file])
                    {
                        failure ??= "results of " + Path.GetFileName(file) + " differ from a cold scan";
                    }
                }

                if (failure == null && entryPath != null && !inner.Calls.Contains(entryPath))
                {
                    failure = "the poisoned entry was trusted";
                }

                if (failure == null && !Findings(new CachingScanSource(new DefaultScanSource(), cache)).SequenceEqual(coldFindings))
                {
                    failure = "findings differ from a cold scan";
                }

                cache.Save(cacheFile);
                var reloaded = ScanCache.Load(cacheFile, ToolVersion);
                var again = new RecordingScanSource();
                var next = new CachingScanSource(again, reloaded);
                foreach (var file in files)
                {
                    next.Scan(file);
                }

                if (failure == null && (reloaded.Rejected.Count > 0 || again.Calls.Count > 0))
                {
                    failure = "the cache was not rewritten clean (" + string.Join("; ", reloaded.Rejected) + ")";
                }

                if (failure != null)
                {
                    failures.Add(pointer + " = " + Snippet(poisoned, pointer) + ": " + failure);
                }
            }

            Assert.True(poisons > 500, "only " + poisons + " poisoned variants");
            Assert.True(failures.Count == 0, failures.Count + " of " + poisons + " poisoned variants:\n" + string.Join("\n", failures.Take(20)));
        }

        [Theory]
        [InlineData("\"results\":\"x\"")]
        [InlineData("\"size\":-2632")]
        public void The_poisons_of_issue_12_are_rejected_with_a_reason(string poison)
        {
            string poisoned = poison.StartsWith("\"results\"", StringComparison.Ordinal)
                ? ReplaceFirst(cleanCache, "\"results\":[", poison + ",\"ignored\":[")
                : ReplaceFirst(cleanCache, "\"size\":2632", poison);
            File.WriteAllText(cacheFile, poisoned);

            var cache = ScanCache.Load(cacheFile, ToolVersion);

            Assert.Single(cache.Rejected);
            Assert.Equal(files.Count - 1, cache.Count);
        }

        /// <summary>Each node of the clean cache (values and the arrays and objects that hold them) with each poison that fits it.</summary>
        private IEnumerable<(string Pointer, string? EntryPath, string Poisoned)> Poisons()
        {
            var root = JsonNode.Parse(cleanCache)!;
            var pointers = new List<(string Pointer, string? EntryPath)>();
            Collect(root, "", null, pointers);
            foreach (var (pointer, entryPath) in pointers)
            {
                var node = JsonPoisons.Find(JsonNode.Parse(cleanCache)!, pointer);
                foreach (var replacement in JsonPoisons.For(node))
                {
                    if ((replacement?.ToJsonString() ?? "null") == (node?.ToJsonString() ?? "null"))
                    {
                        // [] for an empty list, {} for an empty object: not a change.
                        continue;
                    }

                    var copy = JsonNode.Parse(cleanCache)!;
                    JsonPoisons.Replace(copy, pointer, replacement);
                    yield return (pointer, entryPath, copy.ToJsonString());
                }
            }
        }

        private static void Collect(JsonNode? node, string pointer, string? entryPath, List<(string, string?)> pointers)
        {
            if (pointer.Length > 0)
            {
                pointers.Add((pointer, entryPath));
            }

            if (node is JsonObject obj)
            {
                foreach (var pair in obj)
                {
                    string? owner = entryPath ?? (pointer.StartsWith("/entries/", StringComparison.Ordinal) ? (string?)obj["path"] : null);
                    Collect(pair.Value, pointer + "/" + pair.Key, owner, pointers);
                }
            }
            else if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    Collect(array[i], pointer + "/" + i, entryPath, pointers);
                }
            }
        }

        private List<string> Findings(IScanSource source)
        {
            var report = LoadAnalyzer.Analyze(files.Select(f => new LibraryInput(f)).ToList(), new AnalysisOptions(), source);
            return TlsGuard.Core.Describe.FindingFactory.Describe(report).Select(f => f.Id + "|" + f.FilePath + "|" + f.Message + "|" + f.Fingerprint).ToList();
        }

        private static string Describe(IReadOnlyList<ElfScanResult> results)
        {
            var text = new StringWriter();
            var writer = new JsonWriter(text, indented: false);
            writer.StartArray();
            foreach (var result in results)
            {
                ScanResultJson.Write(writer, result);
            }

            writer.EndArray();
            return text.ToString();
        }

        private static string ReplaceFirst(string text, string old, string replacement)
        {
            int at = text.IndexOf(old, StringComparison.Ordinal);
            Assert.True(at >= 0, old + " is not in the cache");
            return text.Substring(0, at) + replacement + text.Substring(at + old.Length);
        }

        private static string Snippet(string poisoned, string pointer)
        {
            var node = JsonPoisons.Find(JsonNode.Parse(poisoned)!, pointer);
            var json = node?.ToJsonString() ?? "null";
            return json.Length > 60 ? json.Substring(0, 60) + "…" : json;
        }

        private sealed class RecordingScanSource : IScanSource
        {
            private readonly IScanSource inner = new DefaultScanSource();

            public List<string> Calls { get; } = new List<string>();

            public IReadOnlyList<ElfScanResult> Scan(string path)
            {
                Calls.Add(path);
                return inner.Scan(path);
            }
        }
    }
}
