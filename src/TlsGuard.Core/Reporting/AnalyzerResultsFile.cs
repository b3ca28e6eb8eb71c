using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Reporting
{
    /// <summary>
    /// The hand-off from the build to the Roslyn analyzer: the libraries that fail or are at risk, one per line.
    /// UTF-8 TSV; the first line is <see cref="Header"/>, then
    /// fileName \t relativePath \t verdict(fails|at-risk) \t requiredBytes \t libc \t remedySummary.
    /// The analyzer cannot load this assembly, so it parses the same layout on its own; keep the two in step.
    /// </summary>
    public static class AnalyzerResultsFile
    {
        public const string Header = "# tlsguard-results 1";

        /// <summary>The text for the flagged libraries of <paramref name="libraries"/>, ordered so that equal input gives equal bytes.</summary>
        public static string Format(IEnumerable<LibraryAssessment> libraries)
        {
            var lines = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var library in libraries)
            {
                if (library.Verdict != Verdict.Fails && library.Verdict != Verdict.AtRisk)
                {
                    continue;
                }

                var fileName = Path.GetFileName(library.Input.Path);
                var relativePath = string.IsNullOrEmpty(library.Input.RelativePath) ? fileName : library.Input.RelativePath!.Replace('\\', '/');
                var line = string.Join("\t", new[]
                {
                    Clean(fileName),
                    Clean(relativePath),
                    VerdictNames.ToName(library.Verdict),
                    library.RequiredStaticTlsBytes.ToString(CultureInfo.InvariantCulture),
                    Clean(library.Libc),
                    Clean(library.Remedy?.Summary ?? ""),
                });
                if (seen.Add(line))
                {
                    lines.Add(line);
                }
            }

            lines.Sort(StringComparer.Ordinal);
            var text = new StringBuilder();
            text.Append(Header).Append('\n');
            foreach (var line in lines)
            {
                text.Append(line).Append('\n');
            }

            return text.ToString();
        }

        public static void Write(TextWriter output, IEnumerable<LibraryAssessment> libraries) => output.Write(Format(libraries));

        /// <summary>Reads the entries back; lines that do not have six fields are skipped. Throws on a foreign header.</summary>
        public static IReadOnlyList<AnalyzerResultsEntry> Parse(string text)
        {
            var entries = new List<AnalyzerResultsEntry>();
            var lines = text.Replace("\r\n", "\n").Split('\n');
            if (lines.Length == 0 || !string.Equals(lines[0].Trim(), Header, StringComparison.Ordinal))
            {
                throw new FormatException("not a TlsGuard results file (expected '" + Header + "')");
            }

            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split('\t');
                if (fields.Length != 6
                    || !VerdictNames.TryParse(fields[2], out var verdict)
                    || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var requiredBytes))
                {
                    continue;
                }

                entries.Add(new AnalyzerResultsEntry(fields[0], fields[1], verdict, requiredBytes, fields[4], fields[5]));
            }

            return entries;
        }

        /// <summary>Fields must not carry the separators: tabs and line breaks become spaces.</summary>
        private static string Clean(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                builder.Append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
            }

            return builder.ToString();
        }
    }
}
