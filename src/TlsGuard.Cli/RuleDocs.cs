using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Cli
{
    /// <summary>
    /// The rule pages (docs/rules/CODE.md): embedded in this assembly at build time, or, for a build that had none,
    /// read from a docs/rules folder next to the tool or in a repository above it.
    /// </summary>
    internal static class RuleDocs
    {
        private const string ResourcePrefix = "rules/";

        public static string? Find(string id)
        {
            var fileName = id.ToUpperInvariant() + ".md";
            using (var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream(ResourcePrefix + fileName))
            {
                if (stream != null)
                {
                    using var reader = new StreamReader(stream);
                    return reader.ReadToEnd();
                }
            }

            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "docs", "rules", fileName);
                if (File.Exists(candidate))
                {
                    return File.ReadAllText(candidate);
                }
            }

            return null;
        }

        public static IReadOnlyDictionary<string, string> All()
        {
            var pages = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var descriptor in DiagnosticCatalog.All)
            {
                var page = Find(descriptor.Id);
                if (page != null)
                {
                    pages[descriptor.Id] = page;
                }
            }

            return pages;
        }

        /// <summary>The ids whose pages were embedded at build time.</summary>
        public static IEnumerable<string> EmbeddedIds()
        {
            foreach (var name in typeof(RuleDocs).Assembly.GetManifestResourceNames())
            {
                if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
                {
                    yield return name.Substring(ResourcePrefix.Length, name.Length - ResourcePrefix.Length - 3);
                }
            }
        }
    }
}
