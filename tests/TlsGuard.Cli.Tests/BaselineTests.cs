using System.IO;
using System.Linq;
using System.Text.Json;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;

namespace TlsGuard.Cli.Tests
{
    public sealed class BaselineTests
    {
        private static Finding Of(DiagnosticDescriptor descriptor, string path, string fingerprint) =>
            new Finding(descriptor, path, "m") { Fingerprint = fingerprint };

        private static ReportedFinding[] Reported(params Finding[] findings) =>
            findings.Select(finding => new ReportedFinding(finding, finding.Descriptor.DefaultSeverity, Baselined: false, Fails: false)).ToArray();

        [Fact]
        public void WrittenBaselineHasTheDocumentedShapeWithRelativeFiles()
        {
            var findings = new[]
            {
                Of(DiagnosticCatalog.LibraryFailsToLoad, "/repo/native/libb.so", "fp-b"),
                Of(DiagnosticCatalog.LibraryAtRisk, "/repo/native/liba.so", "fp-a"),
                Of(DiagnosticCatalog.LibraryFailsToLoad, "/elsewhere/libc.so", "fp-c"),
                Of(DiagnosticCatalog.LibraryFailsToLoad, "/repo/native/copy/libb.so", "fp-b"),
                Of(DiagnosticCatalog.DependencyNotFound, "/repo/native/liba.so", "fp-note"),
            };
            var writer = new StringWriter();

            Baseline.Write(writer, Reported(findings), "/repo");

            var root = JsonDocument.Parse(writer.ToString()).RootElement;
            Assert.Equal(1, root.GetProperty("version").GetInt32());
            var entries = root.GetProperty("entries").EnumerateArray()
                .Select(e => e.GetProperty("id").GetString() + " " + e.GetProperty("file").GetString() + " " + e.GetProperty("fingerprint").GetString());
            Assert.Equal(new[] { "TLS001 /elsewhere/libc.so fp-c", "TLS001 native/libb.so fp-b", "TLS002 native/liba.so fp-a" }, entries);
        }

        [Fact]
        public void ApplySeparatesNewBaselinedAndStale()
        {
            var kept = Of(DiagnosticCatalog.LibraryFailsToLoad, "/r/liba.so", "fp-a");
            var added = Of(DiagnosticCatalog.LibraryFailsToLoad, "/r/libnew.so", "fp-new");
            var baseline = new Baseline("/r/tlsguard-baseline.json", new[]
            {
                new BaselineEntry("TLS001", "fp-a", "liba.so"),
                new BaselineEntry("TLS001", "fp-gone", "libgone.so"),
                new BaselineEntry("TLS002", "fp-a", "liba.so"),
            });

            var result = baseline.Apply(new[] { kept, added });

            Assert.Same(added, Assert.Single(result.NewFindings));
            Assert.Same(kept, Assert.Single(result.BaselinedFindings));
            Assert.True(result.IsBaselined(kept));
            Assert.False(result.IsBaselined(added));
            Assert.Equal(new[] { "fp-gone", "fp-a" }, result.StaleEntries.Select(e => e.Fingerprint));
            var stale = result.StaleFindings[0];
            Assert.Equal("TLS008", stale.Id);
            Assert.Equal("/r/tlsguard-baseline.json", stale.FilePath);
            Assert.Contains("libgone.so", stale.Message);
            Assert.StartsWith("/r/tlsguard-baseline.json: baseline entry", stale.Message);
            Assert.Equal(DiagnosticSeverity.Message, stale.Descriptor.DefaultSeverity);
        }

        [Fact]
        public void RoundTripThroughAFileMatchesTheSameFindings()
        {
            using var temp = new TempDirectory();
            var findings = new[] { Of(DiagnosticCatalog.LibraryFailsToLoad, temp.Combine("lib/liba.so"), "fp-a") };
            var path = temp.Combine("baseline.json");
            using (var writer = new StreamWriter(path))
            {
                Baseline.Write(writer, Reported(findings), temp.Path);
            }

            var baseline = Baseline.Load(path);

            Assert.Equal("lib/liba.so", Assert.Single(baseline.Entries).File);
            Assert.Empty(baseline.Apply(findings).NewFindings);
            Assert.Empty(baseline.Apply(findings).StaleEntries);
        }

        [Theory]
        [InlineData("not json")]
        [InlineData("[]")]
        [InlineData("{\"version\":2,\"entries\":[]}")]
        [InlineData("{\"entries\":[]}")]
        [InlineData("{\"version\":1,\"entries\":[{\"id\":\"TLS001\"}]}")]
        public void MalformedBaselinesAreRejected(string text)
        {
            Assert.Throws<BaselineFormatException>(() => Baseline.Parse(text, "b.json"));
        }

        [Fact]
        public void ProducersWithoutFingerprintStillGetAStableKey()
        {
            var finding = new Finding(DiagnosticCatalog.LibraryFailsToLoad, "/some/where/libx.so", "m");

            Assert.Equal("TLS001|libx.so", FindingKeys.FingerprintOf(finding));
        }
    }
}
