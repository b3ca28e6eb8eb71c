using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Reporting
{
    /// <summary>The text report's block for one library: verdict line, then one labelled fact per line.</summary>
    internal static class TextLibraryBlock
    {
        public static void Write(TextWriter output, LibraryVerdict library, TextStyle style)
        {
            var scan = library.Scan;
            var verdict = VerdictNames.ToName(library.Verdict).ToUpperInvariant();
            var on = " on " + LibcText.Versions(library.Budget?.Judged, library.Libc);
            // The host loaded it before any dlopen: its static TLS is in the startup area, not taken from the reserve.
            var startup = library.IsStartupLibrary ? " (loaded at startup)" : "";
            output.WriteLine(style.Bold(scan.DisplayPath) + ": " + style.ForVerdict(library.Verdict, verdict) + on + startup);

            if (scan.Error != null)
            {
                Line(output, "error", scan.Error);
                output.WriteLine();
                return;
            }

            Line(output, "elf", Describe(scan));
            Line(output, "tls block", scan.TlsBlock == null
                ? "none"
                : TextReportWriter.Bytes(scan.TlsBlock.Size) + ", align " + scan.TlsBlock.Align);
            Line(output, "static tls", Counts(scan.StaticTlsRelocations));
            if (scan.DynamicTlsRelocations.Count > 0)
            {
                Line(output, "dynamic tls", Counts(scan.DynamicTlsRelocations));
            }

            if (scan.StaticTlsSymbols.Count > 0)
            {
                Line(output, "symbols", string.Join(", ", scan.StaticTlsSymbols.Select(Symbol)));
            }

            if (library.RequiredStaticTlsBytes > 0)
            {
                Line(output, "needs", TextReportWriter.Bytes(library.RequiredStaticTlsBytes) + " of static TLS");
            }

            if (library.Chain.Count > 0)
            {
                Line(output, "chain", string.Join(" -> ", library.Chain));
            }

            WriteRemedy(output, library.Remedy);
            output.WriteLine();
        }

        private static void WriteRemedy(TextWriter output, Remedy? remedy)
        {
            if (remedy == null)
            {
                return;
            }

            var lines = new List<string>();
            if (remedy.Known != null)
            {
                lines.Add("known offender: " + remedy.Known.Name);
            }

            lines.Add("build: " + RemedyText.BuildFix(remedy));
            var runtime = RemedyText.RuntimeWorkaround(remedy);
            if (runtime.Length > 0)
            {
                lines.Add("run: " + runtime);
            }

            if (remedy.GlibcTunables != null)
            {
                lines.Add("tunable: " + remedy.GlibcTunables);
            }

            for (var i = 0; i < lines.Count; i++)
            {
                Line(output, i == 0 ? "remedy" : "", lines[i]);
            }
        }

        private static string Describe(ElfScanResult scan)
        {
            var parts = new List<string> { scan.Platform.Name, "ELF" + scan.Platform.Bits + " " + scan.Platform.ByteOrderName + "-endian", ElfTypeNames.ShortName(scan.FileType) };
            if (scan.Soname != null)
            {
                parts.Add("soname " + scan.Soname);
            }

            if (scan.DfStaticTls)
            {
                parts.Add("DF_STATIC_TLS");
            }

            return string.Join(", ", parts);
        }

        private static string Counts(IReadOnlyDictionary<string, int> counts) =>
            counts.Count == 0 ? "none" : string.Join(", ", counts.Select(pair => pair.Key + " x" + pair.Value));

        private static string Symbol(StaticTlsSymbol symbol)
        {
            var name = symbol.IsOwnBlock ? "(own block)" : symbol.Name!;
            return symbol.DefinedHere || symbol.IsOwnBlock ? name : name + " (defined elsewhere)";
        }

        private static void Line(TextWriter output, string label, string value) => output.WriteLine("  " + label.PadRight(12) + value);
    }
}
