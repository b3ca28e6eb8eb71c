using System;
using System.Collections.Generic;
using System.Globalization;

namespace TlsGuard.Analyzers.Results
{
    /// <summary>
    /// Reads the results file the MSBuild side writes (TlsGuard.Core.Reporting.AnalyzerResultsFile; keep in step):
    /// the header line, then fileName \t relativePath \t verdict \t requiredBytes \t libc \t remedySummary.
    /// A foreign or newer header yields nothing; a line that does not fit is skipped, so a damaged file never stops
    /// the compiler and never invents a finding.
    /// </summary>
    internal static class ResultsFileParser
    {
        public const string Header = "# tlsguard-results 1";

        private const int FieldCount = 6;

        public static IReadOnlyList<FlaggedLibrary> Parse(string text)
        {
            var libraries = new List<FlaggedLibrary>();
            var lines = text.Split('\n');
            if (!string.Equals(lines[0].TrimStart('\uFEFF').TrimEnd(), Header, StringComparison.Ordinal))
            {
                return libraries;
            }

            for (var i = 1; i < lines.Length; i++)
            {
                var library = ParseLine(lines[i].TrimEnd('\r'));
                if (library != null)
                {
                    libraries.Add(library);
                }
            }

            return libraries;
        }

        private static FlaggedLibrary? ParseLine(string line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                return null;
            }

            var fields = line.Split('\t');
            if (fields.Length != FieldCount)
            {
                return null;
            }

            var fileName = fields[0];
            if (fileName.Length == 0 || fileName.IndexOf('/') >= 0 || fileName.IndexOf('\\') >= 0)
            {
                return null;
            }

            if (!TryParseVerdict(fields[2], out var verdict)
                || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var requiredBytes))
            {
                return null;
            }

            var relativePath = fields[1].Replace('\\', '/');
            return new FlaggedLibrary(
                fileName,
                relativePath.Length == 0 ? fileName : relativePath,
                verdict,
                requiredBytes,
                fields[4].Trim(),
                fields[5].Trim());
        }

        /// <summary>The spellings of TlsGuard.Core.Analysis.VerdictNames; "fits" and "none" are not findings.</summary>
        private static bool TryParseVerdict(string text, out FlaggedVerdict verdict)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "fails":
                    verdict = FlaggedVerdict.Fails;
                    return true;
                case "at-risk":
                case "atrisk":
                    verdict = FlaggedVerdict.AtRisk;
                    return true;
                default:
                    verdict = FlaggedVerdict.AtRisk;
                    return false;
            }
        }
    }
}
