using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Policy;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Cli.Tests
{
    public sealed class JsonReportWriterTests
    {
        private static readonly string[] FileFields =
        {
            "path", "archiveMember", "machine", "elfClass", "endianness", "type", "soname", "interpreter", "needed", "neededTotal",
            "runpath", "runpathTotal", "rpath", "rpathTotal", "dfStaticTls", "tlsBlock", "staticTlsRelocations",
            "dynamicTlsRelocations", "staticTlsSymbols", "staticTlsSymbolsTotal", "definedTlsSymbols", "definedTlsSymbolsTotal",
            "versionRequirements", "versionRequirementsTotal", "versionDefinitions", "versionDefinitionsTotal",
            "versionedImports", "versionedImportsTotal", "error",
            "verdict", "requiredStaticTlsBytes", "chain", "libc", "libcVersion", "remedy",
        };

        private static JsonElement Write(Report report, ReportContext? context = null)
        {
            var writer = new StringWriter();
            JsonReportWriter.Write(writer, report, context ?? new ReportContext { ToolVersion = "1.2.3" });
            return JsonDocument.Parse(writer.ToString()).RootElement;
        }

        [Fact]
        public void TopLevelCarriesSchemaVersionToolBudgetsAndFindings()
        {
            var root = Write(SampleReports.Create());

            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            Assert.Equal("tlsguard", root.GetProperty("tool").GetProperty("name").GetString());
            Assert.Equal("1.2.3", root.GetProperty("tool").GetProperty("version").GetString());
            Assert.Equal(4, root.GetProperty("files").GetArrayLength());
            Assert.Equal("glibc", root.GetProperty("budget").GetProperty("libc").GetString());
            Assert.Equal(1672, root.GetProperty("budget").GetProperty("reserveBytes").GetInt64());
            Assert.Equal(2632, root.GetProperty("budget").GetProperty("requiredBytes").GetInt64());
            Assert.Equal("fails", root.GetProperty("budget").GetProperty("verdict").GetString());
            Assert.Equal(new[] { "glibc", "musl" }, root.GetProperty("budgets").EnumerateArray().Select(b => b.GetProperty("libc").GetString()));
            Assert.Equal("x86_64", root.GetProperty("budget").GetProperty("machine").GetString());
            Assert.Equal(1160, root.GetProperty("budget").GetProperty("guaranteedBytes").GetInt64());
            Assert.Equal(4, root.GetProperty("findings").GetArrayLength());
        }

        [Fact]
        public void EveryFileEntryHasExactlyTheDocumentedFields()
        {
            foreach (var file in Write(SampleReports.Create()).GetProperty("files").EnumerateArray())
            {
                Assert.Equal(FileFields, file.EnumerateObject().Select(p => p.Name));
            }
        }

        [Fact]
        public void FileEntryCarriesElfFactsAndVerdict()
        {
            var file = Write(SampleReports.Create()).GetProperty("files")[0];

            Assert.Equal(SampleReports.FailingPath, file.GetProperty("path").GetString());
            Assert.Equal(JsonValueKind.Null, file.GetProperty("archiveMember").ValueKind);
            Assert.Equal("x86_64", file.GetProperty("machine").GetString());
            Assert.Equal(64, file.GetProperty("elfClass").GetInt32());
            Assert.Equal("dyn", file.GetProperty("type").GetString());
            Assert.Equal("libfails.so", file.GetProperty("soname").GetString());
            Assert.Equal(new[] { "$ORIGIN" }, file.GetProperty("runpath").EnumerateArray().Select(e => e.GetString()));
            Assert.True(file.GetProperty("dfStaticTls").GetBoolean());
            Assert.Equal(2632, file.GetProperty("tlsBlock").GetProperty("size").GetInt64());
            Assert.Equal(64, file.GetProperty("tlsBlock").GetProperty("align").GetInt64());
            Assert.Equal(1, file.GetProperty("staticTlsRelocations").GetProperty("R_X86_64_TPOFF64").GetInt32());
            Assert.Equal(2, file.GetProperty("dynamicTlsRelocations").GetProperty("R_X86_64_DTPMOD64").GetInt32());
            var symbols = file.GetProperty("staticTlsSymbols");
            Assert.Equal(JsonValueKind.Null, symbols[0].GetProperty("name").ValueKind);
            Assert.True(symbols[0].GetProperty("definedHere").GetBoolean());
            Assert.Equal("errno_like", symbols[1].GetProperty("name").GetString());
            Assert.False(symbols[1].GetProperty("definedHere").GetBoolean());
            Assert.Equal(JsonValueKind.Null, file.GetProperty("error").ValueKind);
            Assert.Equal("fails", file.GetProperty("verdict").GetString());
            Assert.Equal(2632, file.GetProperty("requiredStaticTlsBytes").GetInt64());
            Assert.Equal("glibc", file.GetProperty("libc").GetString());
            var remedy = file.GetProperty("remedy");
            Assert.Equal("jemalloc", remedy.GetProperty("knownLibrary").GetString());
            Assert.Contains("./configure --disable-initial-exec-tls", remedy.GetProperty("buildFix").GetString());
            Assert.StartsWith("set GLIBC_TUNABLES=glibc.rtld.nns=9 or LD_PRELOAD=/path/to/libfails.so", remedy.GetProperty("runtimeWorkaround").GetString());
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9", remedy.GetProperty("glibcTunables").GetString());
            Assert.True(remedy.GetProperty("tunableGuaranteed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, remedy.GetProperty("ldStaticTlsExtra").ValueKind);
        }

        [Fact]
        public void UnreadableFileAndArchiveMemberAreRepresented()
        {
            var files = Write(SampleReports.Create()).GetProperty("files");

            Assert.Equal("truncated ELF header", files[2].GetProperty("error").GetString());
            Assert.Equal(JsonValueKind.Null, files[2].GetProperty("tlsBlock").ValueKind);
            Assert.Equal(JsonValueKind.Null, files[2].GetProperty("remedy").ValueKind);
            Assert.Equal("none", files[2].GetProperty("verdict").GetString());
            Assert.Equal("ie.o", files[3].GetProperty("archiveMember").GetString());
            Assert.Equal("rel", files[3].GetProperty("type").GetString());
            Assert.Equal("at-risk", files[3].GetProperty("verdict").GetString());
            Assert.Equal(new[] { "libacme.so", "libfails.so" }, files[1].GetProperty("chain").EnumerateArray().Select(e => e.GetString()));
        }

        [Fact]
        public void FindingsCarryLevelFingerprintPackageAndHelp()
        {
            var findings = Write(SampleReports.Create()).GetProperty("findings");

            var first = findings[0];
            Assert.Equal("TLS001", first.GetProperty("id").GetString());
            Assert.Equal("warning", first.GetProperty("level").GetString());
            Assert.Equal(SampleReports.FailingPath, first.GetProperty("file").GetString());
            Assert.Equal("TLS001|libfails.so|2632", first.GetProperty("fingerprint").GetString());
            Assert.Equal(JsonValueKind.Null, first.GetProperty("packageId").ValueKind);
            Assert.EndsWith("docs/rules/TLS001.md", first.GetProperty("helpUri").GetString());
            Assert.Equal("2632", first.GetProperty("properties").GetProperty("requiredBytes").GetString());
            Assert.False(first.TryGetProperty("baselineState", out _));
            Assert.Equal("Acme.Native", findings[1].GetProperty("packageId").GetString());
            Assert.Equal("1.2.3", findings[1].GetProperty("packageVersion").GetString());
            Assert.Equal("note", findings[3].GetProperty("level").GetString());
        }

        [Fact]
        public void BaselineStateMarksAcceptedAndNewFindings()
        {
            var report = SampleReports.Create();
            var baseline = new Baseline("b.json", new[] { new BaselineEntry("TLS001", "TLS001|libfails.so|2632", "native/libfails.so") });
            var findings = Write(SampleReports.WithBaseline(report, baseline)).GetProperty("findings");

            Assert.Equal("unchanged", findings[0].GetProperty("baselineState").GetString());
            Assert.Equal("new", findings[1].GetProperty("baselineState").GetString());
        }

        [Fact]
        public void SchemaDocumentNamesEveryEmittedProperty()
        {
            var doc = File.ReadAllText(RepositoryRoot.Combine("docs", "json-schema.md"));
            var documented = new HashSet<string>(Regex.Matches(doc, "`([A-Za-z$%./0-9]+)`").Select(m => m.Groups[1].Value));
            var report = SampleReports.Create();
            var baseline = new Baseline("b.json", new BaselineEntry[0]);
            var root = Write(SampleReports.WithBaseline(report, baseline));

            var emitted = new SortedSet<string>();
            Collect(root, emitted, skipChildren: false);
            var missing = emitted.Where(name => !documented.Contains(name)).ToList();
            Assert.True(missing.Count == 0, "docs/json-schema.md does not document: " + string.Join(", ", missing));
        }

        private static void Collect(JsonElement element, ISet<string> names, bool skipChildren)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names, false);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object && !skipChildren)
            {
                foreach (var property in element.EnumerateObject())
                {
                    names.Add(property.Name);
                    // Relocation-count maps and free-form properties are keyed by data, not by schema names.
                    var dataKeyed = property.Name is "staticTlsRelocations" or "dynamicTlsRelocations" or "properties";
                    Collect(property.Value, names, dataKeyed);
                }
            }
        }
    }
}
