using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>`scan --format json|sarif` over real files: the JSON facts equal readelf's (fixture manifest), the SARIF validates.</summary>
    public sealed class ScanReportFormatTests
    {
        private const string IeOwnFixture = "x86_64-gcc/libie_own.so";

        [Fact]
        public void JsonFileEntryMatchesReadelf()
        {
            var expected = Manifest.Entry(IeOwnFixture);

            var run = CliRun.Of("scan", RepositoryRoot.Fixture(IeOwnFixture), "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("tlsguard: failed:", run.Error);
            var file = JsonDocument.Parse(run.Output).RootElement.GetProperty("files").EnumerateArray().Single();
            foreach (var name in new[] { "machine", "elfClass", "endianness", "type", "soname", "needed", "runpath", "rpath", "dfStaticTls", "staticTlsRelocations", "dynamicTlsRelocations", "staticTlsSymbols", "interpreter", "versionRequirements", "versionDefinitions", "versionedImports" })
            {
                Assert.True(
                    JsonElement.DeepEquals(expected.GetProperty(name), file.GetProperty(name)),
                    name + ": readelf " + expected.GetProperty(name) + ", tlsguard " + file.GetProperty(name));
            }

            // The report adds firstByteOffset (derived) to the block readelf describes.
            foreach (var field in expected.GetProperty("tlsBlock").EnumerateObject())
            {
                Assert.True(JsonElement.DeepEquals(field.Value, file.GetProperty("tlsBlock").GetProperty(field.Name)), "tlsBlock." + field.Name);
            }

            Assert.Equal("fails", file.GetProperty("verdict").GetString());
            Assert.True(file.GetProperty("requiredStaticTlsBytes").GetInt64() >= expected.GetProperty("tlsBlock").GetProperty("size").GetInt64());
            Assert.Equal(JsonValueKind.Null, file.GetProperty("error").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, file.GetProperty("remedy").ValueKind);
        }

        [Fact]
        public void JsonFindingsAndBudgetDescribeTheFailure()
        {
            var root = JsonDocument.Parse(CliRun.Of("scan", RepositoryRoot.Fixture(IeOwnFixture), "--format", "json").Output).RootElement;

            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            Assert.Equal(ToolInfo.Version, root.GetProperty("tool").GetProperty("version").GetString());
            var finding = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "TLS001");
            Assert.Equal("warning", finding.GetProperty("level").GetString());
            Assert.Equal(RepositoryRoot.Fixture(IeOwnFixture), finding.GetProperty("file").GetString());
            Assert.NotEqual("", finding.GetProperty("fingerprint").GetString());
            Assert.DoesNotContain("/", finding.GetProperty("fingerprint").GetString());
            var budget = root.GetProperty("budget");
            Assert.Equal("glibc", budget.GetProperty("libc").GetString());
            Assert.Equal("fails", budget.GetProperty("verdict").GetString());
            Assert.True(budget.GetProperty("requiredBytes").GetInt64() > budget.GetProperty("reserveBytes").GetInt64());
        }

        [Fact]
        public void SarifOfFixturesAndJemallocValidatesAndPointsIntoTheRepository()
        {
            using var temp = new TempDirectory();
            var sarifPath = temp.Combine("tlsguard.sarif");
            var fixture = RepositoryRoot.Fixture(IeOwnFixture);

            var run = CliRun.Of("scan", fixture, Repo.Jemalloc, "--format", "sarif", "--output", sarifPath, "--source-root", RepositoryRoot.Path);

            Assert.True(run.ExitCode == 1, run.ToString());
            var sarif = File.ReadAllText(sarifPath);
            var (valid, details) = SarifSchemaValidator.Validate(sarif);
            Assert.True(valid, details);

            var results = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString() == "TLS001")
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
                .ToList();
            Assert.Contains(results, a => a.GetProperty("uri").GetString() == "tests/fixtures/elf/x86_64-gcc/libie_own.so"
                && a.GetProperty("uriBaseId").GetString() == "%SRCROOT%");
            Assert.Contains(results, a => a.GetProperty("uri").GetString() == "file:///usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
                && !a.TryGetProperty("uriBaseId", out _));
        }

        [Fact]
        public void SarifRulesCarryTheEmbeddedRulePages()
        {
            var run = CliRun.Of("scan", RepositoryRoot.Fixture(IeOwnFixture), "--format", "sarif");
            var page = File.ReadAllText(RepositoryRoot.Combine("docs", "rules", "TLS001.md"));

            var rule = JsonDocument.Parse(run.Output).RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver")
                .GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "TLS001");

            Assert.Equal(page, rule.GetProperty("help").GetProperty("markdown").GetString());
        }
    }
}
