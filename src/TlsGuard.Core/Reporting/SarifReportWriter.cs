using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Json;
using TlsGuard.Core.Policy;

namespace TlsGuard.Core.Reporting
{
    /// <summary>
    /// SARIF 2.1.0 for GitHub code scanning and Azure DevOps. Findings about package assets are placed on the project
    /// file (the package cache is outside the repository) and name the package and library in the message.
    /// </summary>
    public static class SarifReportWriter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        public const string InformationUri = "https://github.com/tlsguard/tlsguard";
        public const string FingerprintKey = "tlsguardFingerprint/v1";

        public static void Write(TextWriter output, Report report, ReportContext context)
        {
            var json = new JsonWriter(output);
            json.StartObject()
                .Property("$schema", SchemaUri)
                .Property("version", "2.1.0");
            json.Name("runs").StartArray().StartObject();

            json.Name("tool").StartObject().Name("driver").StartObject()
                .Property("name", "TlsGuard");
            if (context.ToolVersion.Length > 0)
            {
                json.Property("semanticVersion", context.ToolVersion);
            }

            json.Property("informationUri", InformationUri);
            SarifRules.Write(json, context);
            json.EndObject().EndObject();

            WriteInvocation(json, context);
            WriteBaseIds(json, context);

            json.Name("results").StartArray();
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, context, report.Baseline != null);
            }

            json.EndArray();
            json.EndObject().EndArray();
            json.EndObject();
        }

        private static void WriteInvocation(JsonWriter json, ReportContext context)
        {
            json.Name("invocations").StartArray().StartObject()
                .Property("executionSuccessful", true);
            if (context.WorkingDirectory != null)
            {
                json.Name("workingDirectory").StartObject()
                    .Property("uri", ArtifactUris.DirectoryUri(context.WorkingDirectory))
                    .EndObject();
            }

            json.EndObject().EndArray();
        }

        private static void WriteBaseIds(JsonWriter json, ReportContext context)
        {
            if (string.IsNullOrEmpty(context.RepositoryRoot))
            {
                return;
            }

            json.Name("originalUriBaseIds").StartObject()
                .Name(ArtifactUris.SourceRootId).StartObject()
                .Property("uri", ArtifactUris.DirectoryUri(context.RepositoryRoot!))
                .EndObject()
                .EndObject();
        }

        private static void WriteResult(JsonWriter json, ReportedFinding reported, ReportContext context, bool baselineApplied)
        {
            var finding = reported.Finding;
            var fromPackage = finding.PackageId != null && !string.IsNullOrEmpty(context.ProjectFile);
            json.StartObject()
                .Property("ruleId", finding.Id);
            var ruleIndex = SarifRules.IndexOf(finding.Id);
            if (ruleIndex >= 0)
            {
                json.Property("ruleIndex", ruleIndex);
            }

            json.Property("level", SeverityLevels.ToLevel(reported.Level));
            json.Name("message").StartObject()
                .Property("text", fromPackage ? PackageMessage(finding) : finding.Message)
                .EndObject();

            json.Name("locations").StartArray();
            WriteLocation(json, fromPackage ? context.ProjectFile! : finding.FilePath, context, null, null);
            json.EndArray();

            if (fromPackage)
            {
                json.Name("relatedLocations").StartArray();
                WriteLocation(json, finding.FilePath, context, 1, "native library " + Path.GetFileName(finding.FilePath) + " from package " + PackageName(finding));
                json.EndArray();
            }

            json.Name("partialFingerprints").StartObject()
                .Property(FingerprintKey, FindingKeys.FingerprintOf(finding))
                .EndObject();

            if (baselineApplied)
            {
                json.Property("baselineState", SeverityLevels.BaselineState(reported));
            }

            json.StringObjectProperty("properties", PropertyBag(finding));
            json.EndObject();
        }

        /// <summary>The finding's properties, then its package unless a property already names it.</summary>
        private static List<KeyValuePair<string, string>> PropertyBag(Finding finding)
        {
            var bag = new List<KeyValuePair<string, string>>(finding.Properties);
            if (finding.PackageId != null && !finding.Properties.ContainsKey("packageId"))
            {
                bag.Add(new KeyValuePair<string, string>("packageId", finding.PackageId));
            }

            if (finding.PackageVersion != null && !finding.Properties.ContainsKey("packageVersion"))
            {
                bag.Add(new KeyValuePair<string, string>("packageVersion", finding.PackageVersion));
            }

            return bag;
        }

        private static void WriteLocation(JsonWriter json, string path, ReportContext context, int? id, string? message)
        {
            var (uri, baseId) = ArtifactUris.For(path, context.RepositoryRoot);
            json.StartObject();
            if (id != null)
            {
                json.Property("id", id.Value);
            }

            json.Name("physicalLocation").StartObject();
            json.Name("artifactLocation").StartObject().Property("uri", uri);
            if (baseId != null)
            {
                json.Property("uriBaseId", baseId);
            }

            json.EndObject();
            json.Name("region").StartObject().Property("startLine", 1).EndObject();
            json.EndObject();
            if (message != null)
            {
                json.Name("message").StartObject().Property("text", message).EndObject();
            }

            json.EndObject();
        }

        /// <summary>The result sits on the project file, so the text must say which package and library it is about.</summary>
        private static string PackageMessage(Finding finding)
        {
            var text = finding.Message;
            var library = Path.GetFileName(finding.FilePath);
            if (text.IndexOf(library, StringComparison.Ordinal) < 0)
            {
                text = library + ": " + text;
            }

            if (text.IndexOf(finding.PackageId!, StringComparison.OrdinalIgnoreCase) < 0)
            {
                text = "Package " + PackageName(finding) + ", " + text;
            }

            return text;
        }

        private static string PackageName(Finding finding) =>
            finding.PackageVersion == null ? finding.PackageId! : finding.PackageId + " " + finding.PackageVersion;
    }
}
