using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>`tlsguard baseline` then `scan --baseline`: accepted findings stop failing, new ones fail, removed ones go stale.</summary>
    public sealed class BaselineCommandTests
    {
        [Fact]
        public void BaselineSilencesTodaysFindingsAndCatchesNewAndRemovedOnes()
        {
            using var temp = new TempDirectory();
            var libs = Path.Combine(temp.Path, "native");
            var ieOwn = temp.Copy(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so"), "native/libie_own.so");
            temp.Copy(RepositoryRoot.Fixture("x86_64-gcc/libgd.so"), "native/libgd.so");
            var baselinePath = temp.Combine("tlsguard-baseline.json");

            var written = CliRun.Of("baseline", libs, "--output", baselinePath);
            Assert.True(written.ExitCode == 0, written.ToString());
            var entries = JsonDocument.Parse(File.ReadAllText(baselinePath)).RootElement.GetProperty("entries").EnumerateArray().ToList();
            Assert.Contains(entries, e => e.GetProperty("id").GetString() == "TLS001" && e.GetProperty("file").GetString() == "native/libie_own.so");
            Assert.Contains("Baseline written to " + baselinePath + ": " + entries.Count + " entr", written.Output);

            var without = CliRun.Of("scan", libs);
            var silenced = CliRun.Of("scan", libs, "--baseline", baselinePath);
            Assert.True(without.ExitCode == 1, without.ToString());
            Assert.True(silenced.ExitCode == 0, silenced.ToString());
            Assert.Contains("(baselined)", silenced.Output);
            Assert.Contains("(" + entries.Count + " baselined, 0 stale baseline entries)", silenced.Output);

            temp.Copy(Repo.Jemalloc, "native/libjemalloc.so.2");
            var added = CliRun.Of("scan", libs, "--baseline", baselinePath, "--format", "json");
            Assert.True(added.ExitCode == 1, added.ToString());
            var findings = JsonDocument.Parse(added.Output).RootElement.GetProperty("findings").EnumerateArray().ToList();
            Assert.Contains(findings, f => f.GetProperty("id").GetString() == "TLS001"
                && f.GetProperty("file").GetString()!.EndsWith("libjemalloc.so.2") && f.GetProperty("baselineState").GetString() == "new");
            Assert.Contains(findings, f => f.GetProperty("id").GetString() == "TLS001"
                && f.GetProperty("file").GetString()!.EndsWith("libie_own.so") && f.GetProperty("baselineState").GetString() == "unchanged");

            File.Delete(temp.Combine("native/libjemalloc.so.2"));
            File.Delete(ieOwn);
            var removed = CliRun.Of("scan", libs, "--baseline", baselinePath, "--format", "json");
            Assert.True(removed.ExitCode == 0, removed.ToString());
            var stale = JsonDocument.Parse(removed.Output).RootElement.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("id").GetString() == "TLS008").ToList();
            Assert.Contains(stale, f => f.GetProperty("file").GetString() == baselinePath
                && f.GetProperty("message").GetString()!.Contains("native/libie_own.so")
                && f.GetProperty("level").GetString() == "note");
            Assert.Contains("stale baseline entr", removed.Error);
        }

        [Fact]
        public void BaselineRequiresAnOutputFile()
        {
            var run = CliRun.Of("baseline", RepositoryRoot.Fixture("x86_64-gcc/libie_own.so"));

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("--output", run.Error);
        }
    }
}
