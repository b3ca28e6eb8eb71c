using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Cli.Tests
{
    public sealed class SarifReportWriterTests
    {
        private static ReportContext Context() => new ReportContext
        {
            ToolVersion = "0.1.0",
            RepositoryRoot = SampleReports.RepoRoot,
            ProjectFile = Path.Combine(SampleReports.RepoRoot, "src", "App", "App.csproj"),
            WorkingDirectory = SampleReports.RepoRoot,
        };

        private static string Render(Report report, ReportContext context)
        {
            var writer = new StringWriter();
            SarifReportWriter.Write(writer, report, context);
            return writer.ToString();
        }

        private static JsonElement Run(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

        [Fact]
        public void OutputValidatesAgainstTheSarifSchema()
        {
            var report = SampleReports.Create();
            var sarif = Render(SampleReports.WithBaseline(report, new Baseline("b.json", new BaselineEntry[0])), Context());

            var (valid, details) = SarifSchemaValidator.Validate(sarif);

            Assert.True(valid, details);
        }

        [Theory]
        [InlineData("level", "fatal")]
        [InlineData("ruleIndex", "-4")]
        [InlineData("version", "drop")]
        public void ValidatorRejectsBrokenSarif(string property, string value)
        {
            var log = JsonNode.Parse(Render(SampleReports.Create(), Context()))!;
            var result = log["runs"]![0]!["results"]![0]!.AsObject();
            switch (property)
            {
                case "version": log.AsObject().Remove("version"); break;
                case "ruleIndex": result["ruleIndex"] = int.Parse(value); break;
                default: result[property] = value; break;
            }

            var (valid, details) = SarifSchemaValidator.Validate(log.ToJsonString());

            Assert.False(valid, "the validator accepted a broken log:\n" + details);
        }

        [Fact]
        public void HeaderAndDriverDescribeTlsGuardAndEveryRule()
        {
            var sarif = Render(SampleReports.Create(), Context());
            var root = JsonDocument.Parse(sarif).RootElement;
            var driver = Run(sarif).GetProperty("tool").GetProperty("driver");

            Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            Assert.Equal("TlsGuard", driver.GetProperty("name").GetString());
            Assert.Equal("0.1.0", driver.GetProperty("semanticVersion").GetString());
            var rules = driver.GetProperty("rules").EnumerateArray().ToList();
            Assert.Equal(DiagnosticCatalog.All.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
            var tls001 = rules[0];
            Assert.Equal("NativeLibraryNeedsStaticTLSAndWillFailToLoad", tls001.GetProperty("name").GetString());
            Assert.Equal(DiagnosticCatalog.LibraryFailsToLoad.Title, tls001.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(DiagnosticCatalog.LibraryFailsToLoad.Description, tls001.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(DiagnosticCatalog.LibraryFailsToLoad.HelpUri, tls001.GetProperty("helpUri").GetString());
            Assert.Contains(DiagnosticCatalog.LibraryFailsToLoad.HelpUri, tls001.GetProperty("help").GetProperty("markdown").GetString());
            Assert.Equal("warning", tls001.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            Assert.Equal("note", rules[4].GetProperty("defaultConfiguration").GetProperty("level").GetString());
            Assert.Contains("static-tls", tls001.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }

        [Fact]
        public void RulePagesFromTheContextBecomeHelpMarkdown()
        {
            var context = new ReportContext { RuleHelpMarkdown = new System.Collections.Generic.Dictionary<string, string> { ["TLS002"] = "# TLS002 page" } };
            var rules = Run(Render(SampleReports.Create(), context)).GetProperty("tool").GetProperty("driver").GetProperty("rules");

            Assert.Equal("# TLS002 page", rules[1].GetProperty("help").GetProperty("markdown").GetString());
        }

        [Fact]
        public void FilesUnderTheRepositoryGetRelativeUris()
        {
            var run = Run(Render(SampleReports.Create(), Context()));
            var result = run.GetProperty("results")[0];
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

            Assert.Equal("TLS001", result.GetProperty("ruleId").GetString());
            Assert.Equal(0, result.GetProperty("ruleIndex").GetInt32());
            Assert.Equal("warning", result.GetProperty("level").GetString());
            Assert.Equal("native/libfails.so", artifact.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            Assert.Equal(1, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal("TLS001|libfails.so|2632", result.GetProperty("partialFingerprints").GetProperty("tlsguardFingerprint/v1").GetString());
            Assert.Equal("file:///src/app/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
            Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
            Assert.Equal("file:///src/app/", run.GetProperty("invocations")[0].GetProperty("workingDirectory").GetProperty("uri").GetString());
        }

        [Fact]
        public void PackageAssetsAreLocatedOnTheProjectAndNameThePackage()
        {
            var result = Run(Render(SampleReports.Create(), Context())).GetProperty("results")[1];
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            var related = result.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            var message = result.GetProperty("message").GetProperty("text").GetString()!;

            Assert.Equal("src/App/App.csproj", artifact.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            Assert.Contains("Acme.Native 1.2.3", message);
            Assert.Contains("libacme.so", message);
            Assert.Equal("file://" + SampleReports.PackagePath, related.GetProperty("uri").GetString());
            Assert.False(related.TryGetProperty("uriBaseId", out _));
            Assert.Equal("Acme.Native", result.GetProperty("properties").GetProperty("packageId").GetString());
        }

        [Fact]
        public void FilesOutsideTheRepositoryGetEscapedAbsoluteUris()
        {
            var path = "/opt/my libs/lib#1.so";
            var report = new Report
            {
                Findings = new[] { new ReportedFinding(new Finding(DiagnosticCatalog.LibraryAtRisk, path, "at risk") { Fingerprint = "f" }, DiagnosticSeverity.Warning, false, false) },
            };

            var result = Run(Render(report, Context())).GetProperty("results")[0];
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

            Assert.Equal("file:///opt/my%20libs/lib%231.so", artifact.GetProperty("uri").GetString());
            Assert.Equal(1, result.GetProperty("ruleIndex").GetInt32());
        }

        [Fact]
        public void LevelFollowsTheFindingsEffectiveSeverity()
        {
            var report = new Report
            {
                Findings = new[]
                {
                    new ReportedFinding(new Finding(DiagnosticCatalog.LibraryAtRisk, "/x/a.so", "a"), DiagnosticSeverity.Error, false, false),
                    new ReportedFinding(new Finding(DiagnosticCatalog.DependencyNotFound, "/x/b.so", "b"), DiagnosticSeverity.Message, false, false),
                },
            };

            var results = Run(Render(report, Context())).GetProperty("results");

            Assert.Equal("error", results[0].GetProperty("level").GetString());
            Assert.Equal("note", results[1].GetProperty("level").GetString());
            Assert.Equal("TLS005|b.so", results[1].GetProperty("partialFingerprints").GetProperty("tlsguardFingerprint/v1").GetString());
        }

        [Fact]
        public void BaselineStatesAreReported()
        {
            var report = SampleReports.Create();
            var baseline = new Baseline("b.json", new[] { new BaselineEntry("TLS004", "TLS004|broken.so", "native/broken.so") });
            var results = Run(Render(SampleReports.WithBaseline(report, baseline), Context())).GetProperty("results");

            Assert.Equal(new[] { "new", "new", "unchanged", "new" }, results.EnumerateArray().Select(r => r.GetProperty("baselineState").GetString()));
        }
    }
}
