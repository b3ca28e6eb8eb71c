using System.Collections.Generic;
using System.Text;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Json;

namespace TlsGuard.Core.Reporting
{
    /// <summary>The SARIF reportingDescriptor for each catalog entry.</summary>
    internal static class SarifRules
    {
        private static readonly string[] Tags = { "reliability", "native-interop", "static-tls" };

        public static int IndexOf(string id)
        {
            var all = DiagnosticCatalog.All;
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i].Id == id)
                {
                    return i;
                }
            }

            return -1;
        }

        public static void Write(JsonWriter json, ReportContext context)
        {
            json.Name("rules").StartArray();
            foreach (var descriptor in DiagnosticCatalog.All)
            {
                json.StartObject()
                    .Property("id", descriptor.Id)
                    .Property("name", RuleName(descriptor.Title));
                json.Name("shortDescription").StartObject().Property("text", descriptor.Title).EndObject();
                json.Name("fullDescription").StartObject().Property("text", descriptor.Description).EndObject();
                json.Property("helpUri", descriptor.HelpUri);
                json.Name("help").StartObject()
                    .Property("text", descriptor.Description + " See " + descriptor.HelpUri)
                    .Property("markdown", HelpMarkdown(descriptor, context.RuleHelpMarkdown))
                    .EndObject();
                json.Name("defaultConfiguration").StartObject()
                    .Property("level", SeverityLevels.ToLevel(descriptor.DefaultSeverity))
                    .EndObject();
                json.Name("properties").StartObject().StringArrayProperty("tags", Tags).EndObject();
                json.EndObject();
            }

            json.EndArray();
        }

        /// <summary>SARIF rule names are identifiers: the title in PascalCase ("NativeLibraryNeedsStaticTLSAndWillFailToLoad").</summary>
        internal static string RuleName(string title)
        {
            var name = new StringBuilder();
            var startOfWord = true;
            foreach (var c in title)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    startOfWord = true;
                    continue;
                }

                name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }

            return name.ToString();
        }

        private static string HelpMarkdown(DiagnosticDescriptor descriptor, IReadOnlyDictionary<string, string> pages)
        {
            if (pages.TryGetValue(descriptor.Id, out var page) && page.Length > 0)
            {
                return page;
            }

            return "**" + descriptor.Id + ": " + descriptor.Title + "**\n\n" + descriptor.Description + "\n\n[Rule documentation](" + descriptor.HelpUri + ")";
        }
    }
}
