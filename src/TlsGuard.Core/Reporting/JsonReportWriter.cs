using System.IO;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Json;
using TlsGuard.Core.Policy;

namespace TlsGuard.Core.Reporting
{
    /// <summary>
    /// The machine-readable report (docs/json-schema.md). Field names are a public contract: add fields, never rename
    /// or remove them without raising <see cref="SchemaVersion"/>.
    /// </summary>
    public static class JsonReportWriter
    {
        public const int SchemaVersion = 1;

        public static void Write(TextWriter output, Report report, ReportContext context)
        {
            var json = new JsonWriter(output);
            json.StartObject();
            json.Property("schemaVersion", SchemaVersion);
            json.Name("tool").StartObject()
                .Property("name", context.ToolName)
                .Property("version", context.ToolVersion)
                .EndObject();

            json.Property("skippedNonElfFiles", context.SkippedNonElfFiles);
            json.Name("files").StartArray();
            foreach (var library in report.Libraries)
            {
                JsonLibraryWriter.Write(json, library);
            }

            json.EndArray();

            json.Name("budget");
            if (report.Budgets.Count > 0)
            {
                WriteBudget(json, report.Budgets[0]);
            }
            else
            {
                json.Null();
            }

            json.Name("budgets").StartArray();
            foreach (var budget in report.Budgets)
            {
                WriteBudget(json, budget);
            }

            json.EndArray();

            json.Name("findings").StartArray();
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding, report.Baseline != null);
            }

            json.EndArray();
            json.EndObject();
        }

        private static void WriteBudget(JsonWriter json, LoadBudget budget)
        {
            var outcome = budget.Outcome;
            json.StartObject()
                .Property("libc", budget.Libc.Name)
                .Property("reserveBytes", budget.ReserveBytes)
                .Property("requiredBytes", budget.RequiredBytes)
                .Property("verdict", VerdictNames.ToName(budget.Verdict))
                .Property("machine", budget.Platform.Name)
                .Property("libcVersion", LibcText.VersionField(outcome.Judged))
                .Property("libcVersionSource", VersionSource(outcome.Judged.Source))
                .Property("guaranteedBytes", budget.GuaranteedBytes)
                .Property("host", outcome.Host == null ? null : HostKindNames.ToName(outcome.Host.Kind))
                .Property("description", BudgetText.Target(budget));
            json.Name("remedy");
            if (budget.Remedy == null)
            {
                json.Null();
            }
            else
            {
                json.StartObject()
                    .Property("glibcTunables", budget.Remedy.GlibcTunables)
                    .Property("tunableGuaranteed", budget.Remedy.GlibcTunables == null ? (bool?)null : budget.Remedy.Tunable!.Guaranteed)
                    .Property("ldStaticTlsExtra", budget.Remedy.LdStaticTlsExtra)
                    .EndObject();
            }

            json.EndObject();
        }

        private static string? VersionSource(LibcVersionSource source)
        {
            switch (source)
            {
                case LibcVersionSource.Given: return "given";
                case LibcVersionSource.Sysroot: return "sysroot";
                case LibcVersionSource.SupportedRange: return "supported-range";
                default: return null;
            }
        }

        private static void WriteFinding(JsonWriter json, ReportedFinding reported, bool baselineApplied)
        {
            var finding = reported.Finding;
            json.StartObject()
                .Property("id", finding.Id)
                .Property("level", SeverityLevels.ToLevel(reported.Level))
                .Property("file", finding.FilePath)
                .Property("message", finding.Message)
                .Property("fingerprint", FindingKeys.FingerprintOf(finding))
                .Property("packageId", finding.PackageId)
                .Property("packageVersion", finding.PackageVersion)
                .Property("helpUri", finding.Descriptor.HelpUri);

            if (baselineApplied)
            {
                json.Property("baselineState", SeverityLevels.BaselineState(reported));
            }

            json.StringObjectProperty("properties", finding.Properties);
            json.EndObject();
        }
    }
}
