using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using static TlsGuard.Tasks.Tests.TaskRunner;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>
    /// The stored analysis is a hint, never an authority (issues 12 and 13): the header, key and checksum of a real store
    /// file and every node of its entry are poisoned in turn with well-formed values of another meaning (another finding
    /// text, a dropped probe, a changed answer, an unknown id, a negative size, a missing field), and each time the build
    /// analyses again instead of reusing the entry, logs exactly what a build without any cache logs, and rewrites the
    /// store so the next build reuses it again.
    /// </summary>
    public sealed class AnalysisStorePoisonTests : IDisposable
    {
        private readonly TempDirectory temp = new();
        private readonly string cacheFile;
        private readonly string storeFile;
        private readonly ITaskItem[] items;
        private readonly string[] coldFindings;
        private readonly string cleanStore;

        public AnalysisStorePoisonTests()
        {
            cacheFile = temp.Combine("obj", "TlsGuard.cache");
            storeFile = temp.Combine("obj", "TlsGuard.analysis");
            var app = temp.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libneeds_ie.so"), "app/libneeds_ie.so");
            temp.Copy(Fixtures.IeOwnX64, "app/libie_own.so");
            var suppressed = temp.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_ext.so"), "app/libie_ext.so");
            items = new[] { Item(app), Item(suppressed, ("TlsGuardSuppress", "true")), Item(Fixtures.GdX64), Item(temp.Write("app/notes.so", "not a library")) };
            coldFindings = AnalysisReuseTests.Findings(Run(items));
            var first = Build();
            Assert.False(first.Task.AnalysisReused);
            cleanStore = File.ReadAllText(storeFile);
        }

        public void Dispose() => temp.Dispose();

        [Fact]
        public void A_clean_store_is_reused_and_gives_the_cold_findings()
        {
            var lines = cleanStore.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("# tlsguard-analyses 1 ", lines[0], StringComparison.Ordinal);
            Assert.Equal(2, lines.Length);
            var entry = JsonNode.Parse(lines[1].Split(' ', 3)[2])!;
            Assert.Contains(entry["probes"]!.AsArray(), p => (string?)p![0] == "scan" && ((string?)p[1])!.EndsWith("libie_own.so", StringComparison.Ordinal));
            Assert.Contains(entry["probes"]!.AsArray(), p => (string?)p![0] == "kind");
            Assert.NotEmpty(entry["analysis"]!["findings"]!.AsArray());

            var reused = Build();

            Assert.True(reused.Task.AnalysisReused);
            Assert.Equal(coldFindings, AnalysisReuseTests.Findings(reused));
        }

        [Fact]
        public void Every_poisoned_node_is_analysed_again_with_the_cold_findings()
        {
            var failures = new List<string>();
            var poisons = 0;
            foreach (var (pointer, poisoned) in Poisons())
            {
                poisons++;
                File.WriteAllText(storeFile, poisoned);
                var run = Build();
                string? failure = null;
                if (run.Task.AnalysisReused)
                {
                    failure = "the poisoned store was reused";
                }
                else if (!AnalysisReuseTests.Findings(run).SequenceEqual(coldFindings))
                {
                    failure = "findings differ from a build without a cache";
                }
                else if (!Build().Task.AnalysisReused)
                {
                    failure = "the store was not rewritten clean";
                }

                if (failure != null)
                {
                    failures.Add(pointer + ": " + failure);
                }
            }

            Assert.True(poisons > 200, "only " + poisons + " poisoned variants");
            Assert.True(failures.Count == 0, failures.Count + " of " + poisons + " poisoned variants:\n" + string.Join("\n", failures.Take(20)));
        }

        [Fact]
        public void A_stale_answer_recorded_with_a_matching_checksum_is_still_checked_against_the_disk()
        {
            // Not a poison but a store left by an earlier build: the library it scanned has been rebuilt since.
            var library = temp.Combine("app", "libie_own.so");
            File.Copy(Fixtures.GdX64, library, overwrite: true);

            var run = Build();

            Assert.False(run.Task.AnalysisReused);
            Assert.Equal(AnalysisReuseTests.Findings(Run(items)), AnalysisReuseTests.Findings(run));
        }

        private TaskRunner Build() => Run(task => task.CacheFile = cacheFile, items);

        /// <summary>
        /// The header, the key, the checksum and each node of the entry (values and the arrays and objects that hold them)
        /// with each poison that fits it; then the entry twice, and the entry line cut short.
        /// </summary>
        private IEnumerable<(string Pointer, string Poisoned)> Poisons()
        {
            var lines = cleanStore.Split('\n');
            var parts = lines[1].Split(' ', 3);
            string Store(string header, string key, string checksum, string json) =>
                header + "\n" + key + " " + checksum + " " + json + "\n";

            yield return ("header", Store(lines[0].Replace(" 1 ", " 2 "), parts[0], parts[1], parts[2]));
            yield return ("tool", Store(lines[0] + "x", parts[0], parts[1], parts[2]));
            yield return ("key", Store(lines[0], parts[0].Substring(1) + "0", parts[1], parts[2]));
            yield return ("checksum", Store(lines[0], parts[0], parts[1].Substring(1) + "0", parts[2]));
            yield return ("twice", cleanStore + lines[1] + "\n");
            yield return ("cut", lines[0] + "\n" + lines[1].Substring(0, lines[1].Length / 2) + "\n");
            yield return ("not json", Store(lines[0], parts[0], parts[1], "x"));

            var pointers = new List<string>();
            Collect(JsonNode.Parse(parts[2]), "", pointers);
            foreach (var pointer in pointers)
            {
                var node = JsonPoisons.Find(JsonNode.Parse(parts[2])!, pointer);
                foreach (var replacement in JsonPoisons.For(node))
                {
                    if ((replacement?.ToJsonString() ?? "null") == (node?.ToJsonString() ?? "null"))
                    {
                        continue;
                    }

                    var copy = JsonNode.Parse(parts[2])!;
                    JsonPoisons.Replace(copy, pointer, replacement);
                    yield return (pointer, Store(lines[0], parts[0], parts[1], copy.ToJsonString()));
                }
            }
        }

        private static void Collect(JsonNode? node, string pointer, List<string> pointers)
        {
            if (pointer.Length > 0)
            {
                pointers.Add(pointer);
            }

            if (node is JsonObject obj)
            {
                foreach (var pair in obj)
                {
                    Collect(pair.Value, pointer + "/" + pair.Key, pointers);
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], pointer + "/" + i, pointers);
                }
            }
        }
    }
}
