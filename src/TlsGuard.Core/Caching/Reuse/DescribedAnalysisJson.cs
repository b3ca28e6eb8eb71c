using System;
using System.Collections.Generic;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Json;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// A <see cref="DescribedAnalysis"/> as stored between builds, and read back strictly: a field of the wrong type, an
    /// unknown diagnostic id or verdict, a negative size is a <see cref="FormatException"/>, and the analysis runs again.
    /// </summary>
    internal static class DescribedAnalysisJson
    {
        public static void Write(JsonWriter writer, DescribedAnalysis analysis)
        {
            writer.StartObject();
            writer.Name("findings").StartArray();
            foreach (var finding in analysis.Findings)
            {
                writer.StartObject()
                    .Property("id", finding.Id)
                    .Property("file", finding.FilePath)
                    .Property("message", finding.Message)
                    .Property("packageId", finding.PackageId)
                    .Property("packageVersion", finding.PackageVersion)
                    .Property("fingerprint", finding.Fingerprint);

                // Pairs, not an object: the order is the finding's, and SARIF writes the properties in it.
                writer.Name("properties").StartArray();
                foreach (var pair in finding.Properties)
                {
                    writer.StartArray().String(pair.Key).String(pair.Value).EndArray();
                }

                writer.EndArray().EndObject();
            }

            writer.EndArray();
            writer.StringArrayProperty("suppressed", analysis.SuppressedPaths);
            writer.Name("flagged").StartArray();
            foreach (var library in analysis.FlaggedLibraries)
            {
                writer.StartObject()
                    .Property("input", library.InputPath)
                    .Property("fileName", library.FileName)
                    .Property("relativePath", library.RelativePath)
                    .Property("verdict", library.Verdict == Verdict.Fails ? "fails" : "at-risk")
                    .Property("requiredBytes", library.RequiredBytes)
                    .Property("libc", library.Libc)
                    .Property("cause", library.Cause)
                    .Property("remedy", library.RemedySummary)
                    .EndObject();
            }

            writer.EndArray();
            writer.EndObject();
        }

        public static DescribedAnalysis Read(JsonValue value)
        {
            JsonFields.Object(value, "the stored analysis");
            var findings = new List<Finding>();
            foreach (var item in JsonFields.Array(value, "findings"))
            {
                findings.Add(ReadFinding(JsonFields.Object(item, "a finding")));
            }

            var flagged = new List<FlaggedLibrarySummary>();
            foreach (var item in JsonFields.Array(value, "flagged"))
            {
                JsonFields.Object(item, "a flagged library");
                flagged.Add(new FlaggedLibrarySummary(
                    JsonFields.RequiredString(item, "input"),
                    JsonFields.RequiredString(item, "fileName"),
                    JsonFields.RequiredString(item, "relativePath"),
                    ReadVerdict(JsonFields.RequiredString(item, "verdict")),
                    JsonFields.Integer(item, "requiredBytes", 0, long.MaxValue),
                    JsonFields.RequiredString(item, "libc"),
                    JsonFields.RequiredString(item, "cause"),
                    JsonFields.RequiredString(item, "remedy")));
            }

            return new DescribedAnalysis(findings, JsonFields.Strings(value, "suppressed"), flagged);
        }

        private static Finding ReadFinding(JsonValue item)
        {
            var id = JsonFields.RequiredString(item, "id");
            var descriptor = DiagnosticCatalog.Find(id);
            if (descriptor == null || !string.Equals(descriptor.Id, id, StringComparison.Ordinal))
            {
                throw new FormatException("'" + id + "' is not a TlsGuard diagnostic");
            }

            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in JsonFields.Array(item, "properties"))
            {
                if (pair.Kind != JsonKind.Array || pair.Items.Count != 2 || pair.Items[0].Kind != JsonKind.String || pair.Items[1].Kind != JsonKind.String)
                {
                    throw new FormatException("a finding property must be a [name, value] pair of strings");
                }

                if (properties.ContainsKey(pair.Items[0].StringValue))
                {
                    throw new FormatException("a finding property appears twice");
                }

                properties.Add(pair.Items[0].StringValue, pair.Items[1].StringValue);
            }

            return new Finding(descriptor, JsonFields.RequiredString(item, "file"), JsonFields.RequiredString(item, "message"))
            {
                PackageId = JsonFields.OptionalString(item, "packageId"),
                PackageVersion = JsonFields.OptionalString(item, "packageVersion"),
                Fingerprint = JsonFields.RequiredString(item, "fingerprint"),
                Properties = properties,
            };
        }

        private static Verdict ReadVerdict(string text) => text switch
        {
            "fails" => Verdict.Fails,
            "at-risk" => Verdict.AtRisk,
            _ => throw new FormatException("'" + text + "' is not a flagged verdict"),
        };
    }
}
