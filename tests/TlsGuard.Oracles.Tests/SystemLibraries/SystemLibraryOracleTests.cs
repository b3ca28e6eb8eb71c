using System.Diagnostics;
using TlsGuard.Oracles.Tests.Oracles;
using Xunit.Abstractions;

namespace TlsGuard.Oracles.Tests.SystemLibraries
{
    /// <summary>Every ELF file and archive in the machine's library folders, read by TlsGuard and both oracles.</summary>
    public sealed class SystemLibraryOracleTests
    {
        private readonly ITestOutputHelper output;

        public SystemLibraryOracleTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void System_libraries_agree_with_both_oracles()
        {
            List<string> files = SystemLibraryFiles.Enumerate();
            var watch = Stopwatch.StartNew();
            var unexplained = new List<string>();
            var notCompared = new List<string>();
            var known = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int compared = 0;
            int withTls = 0;
            long bytes = 0;
            foreach (string path in files)
            {
                byte[] data = File.ReadAllBytes(path);
                bytes += data.Length;
                FileOutcome outcome = FileComparison.Compare(path, data);
                compared += outcome.ResultsCompared;
                withTls += outcome.ResultsWithTls;
                if (outcome.NotCompared != null)
                {
                    notCompared.Add(path + ": " + outcome.NotCompared);
                }

                foreach (Disagreement d in outcome.Disagreements)
                {
                    KnownDisagreement? rule = KnownDisagreements.Explain(d);
                    if (rule == null)
                    {
                        unexplained.Add(d.ToString());
                    }
                    else
                    {
                        known[rule.Id] = known.GetValueOrDefault(rule.Id) + 1;
                    }
                }
            }

            output.WriteLine($"{files.Count} files ({bytes / (1024 * 1024)} MiB) in {watch.Elapsed.TotalSeconds:F1} s, {compared} results compared, {withTls} of them with TLS facts");
            foreach (var k in known)
            {
                output.WriteLine($"known disagreement {k.Key}: {k.Value}");
            }

            foreach (string n in notCompared)
            {
                output.WriteLine("not compared (TlsGuard rejected it): " + n);
            }

            foreach (string u in unexplained.Take(200))
            {
                output.WriteLine("UNEXPLAINED " + u);
            }

            Assert.True(files.Count > 100, "only " + files.Count + " library files found in " + string.Join(", ", SystemLibraryFiles.Folders));
            Assert.True(withTls > 0, "no compared library had a PT_TLS segment or TLS relocations: the comparison proved nothing");
            Assert.Empty(unexplained);
        }
    }
}
