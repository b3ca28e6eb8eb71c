using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>
    /// Baselines written by a release (tests/fixtures/baselines, made by make_baselines.sh and never regenerated) still
    /// match today's findings entry for entry: fingerprints are a public contract.
    /// </summary>
    public sealed class ReleaseBaselineTests
    {
        [Theory]
        [InlineData("0.1.0-glibc.json", new[] { "x86_64-gcc", "aarch64-gcc" }, new string[0])]
        [InlineData("0.1.0-musl.json", new[] { "x86_64-gcc" }, new[] { "--rid", "linux-musl-x64" })]
        public void A_baseline_written_by_a_release_matches_every_finding_and_goes_stale_nowhere(string baseline, string[] folders, string[] options)
        {
            var file = RepositoryRoot.Combine("tests", "fixtures", "baselines", baseline);
            var written = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("entries").EnumerateArray()
                .Select(e => e.GetProperty("fingerprint").GetString()).OrderBy(f => f, System.StringComparer.Ordinal).ToList();
            var arguments = new[] { "scan" }
                .Concat(folders.Select(folder => Path.Combine(RepositoryRoot.FixtureElf, folder)))
                .Concat(options)
                .Concat(new[] { "--baseline", file, "--format", "json", "--fail-on", "any" })
                .ToArray();

            var run = CliRun.Of(arguments);

            Assert.True(run.ExitCode == 0, run.ToString());
            var findings = JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").EnumerateArray().ToList();
            Assert.DoesNotContain(findings, f => f.GetProperty("id").GetString() == "TLS008");
            Assert.All(findings, f => Assert.Equal("unchanged", f.GetProperty("baselineState").GetString()));
            Assert.Equal(written, findings.Select(f => f.GetProperty("fingerprint").GetString()).OrderBy(f => f, System.StringComparer.Ordinal));
        }
    }
}
