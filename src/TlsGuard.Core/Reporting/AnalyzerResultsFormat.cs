using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TlsGuard.Core.Reporting
{
    /// <summary>
    /// The hand-off from the build to the Roslyn analyzer, $(IntermediateOutputPath)TlsGuard.libraries.tsv: UTF-8 TSV,
    /// the first line <see cref="Header"/>, then one line per flagged library:
    /// fileName \t relativePath \t verdict(fails|at-risk) \t requiredBytes \t libc \t cause \t remedySummary.
    /// Version 2 added the cause, so a call site bound to a glibc build in a musl app says so rather than its TLS size.
    /// The core writes it and the analyzer, which cannot load the core, compiles this file as linked source to read it,
    /// so it must compile on its own (netstandard2.0, no other TlsGuard type).
    /// </summary>
    internal static class AnalyzerResultsFormat
    {
        public const string Header = "# tlsguard-results 2";

        private const char Separator = '\t';
        private const int FieldCount = 7;

        public static string VerdictName(FlaggedVerdict verdict) => verdict == FlaggedVerdict.Fails ? "fails" : "at-risk";

        /// <summary>The file for <paramref name="libraries"/>, ordered and without repeats so that equal input gives equal bytes.</summary>
        public static string Format(IEnumerable<FlaggedLibrary> libraries)
        {
            var lines = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var library in libraries)
            {
                var line = string.Join(Separator.ToString(), new[]
                {
                    Clean(library.FileName),
                    Clean(library.RelativePath),
                    VerdictName(library.Verdict),
                    library.RequiredBytes.ToString(CultureInfo.InvariantCulture),
                    Clean(library.Libc),
                    Clean(library.Cause),
                    Clean(library.RemedySummary),
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

        /// <summary>Whether the first line is this format's header (a byte order mark and a CR line end are allowed).</summary>
        public static bool HasHeader(string text)
        {
            var end = text.IndexOf('\n');
            var firstLine = end < 0 ? text : text.Substring(0, end);
            return string.Equals(firstLine.TrimStart('\uFEFF').TrimEnd(), Header, StringComparison.Ordinal);
        }

        /// <summary>
        /// Reads the file tolerantly: a foreign or newer header yields nothing and a line that does not fit is skipped,
        /// so a damaged file never stops the compiler and never invents a finding.
        /// </summary>
        public static IReadOnlyList<FlaggedLibrary> Parse(string text)
        {
            var libraries = new List<FlaggedLibrary>();
            if (!HasHeader(text))
            {
                return libraries;
            }

            var lines = text.Split('\n');
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

            var fields = line.Split(Separator);
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
                fields[5].Trim(),
                fields[6].Trim());
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

    /// <summary>The two verdicts the results file carries; libraries that fit are not written to it.</summary>
    internal enum FlaggedVerdict
    {
        AtRisk,
        Fails,
    }

    /// <summary>One library the build found will fail or may fail to load: a line of the results file.</summary>
    internal sealed class FlaggedLibrary
    {
        public FlaggedLibrary(string fileName, string relativePath, FlaggedVerdict verdict, long requiredBytes, string libc, string cause, string remedySummary)
        {
            FileName = fileName;
            RelativePath = relativePath;
            Verdict = verdict;
            RequiredBytes = requiredBytes;
            Libc = libc;
            Cause = cause;
            RemedySummary = remedySummary;
        }

        /// <summary>"libjemalloc.so.2".</summary>
        public string FileName { get; }

        /// <summary>Where the file lands relative to the output ("runtimes/linux-x64/native/libjemalloc.so.2"), '/'-separated.</summary>
        public string RelativePath { get; }

        public FlaggedVerdict Verdict { get; }
        public long RequiredBytes { get; }

        /// <summary>The C library (versions) the verdict is for ("glibc 2.36", "glibc 2.27–2.31", "musl"); may be empty.</summary>
        public string Libc { get; }

        /// <summary>Why, in a few words ("needs 2632 bytes of static TLS", "is built for glibc (needs libc.so.6)"); may be empty.</summary>
        public string Cause { get; }

        public string RemedySummary { get; }
    }
}
