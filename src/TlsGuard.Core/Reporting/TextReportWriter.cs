using System.Globalization;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Policy;

namespace TlsGuard.Core.Reporting
{
    /// <summary>The human report: one block per library that needs static TLS (one line for the rest), the findings, the budget and a summary.</summary>
    public static class TextReportWriter
    {
        public static void Write(TextWriter output, Report report, ReportContext context)
        {
            var style = new TextStyle(context.UseColor);
            // Blocks end with a blank line; one-line entries do not, so sections after them need one.
            var endsBlank = true;
            foreach (var library in report.Libraries)
            {
                endsBlank = NeedsBlock(library);
                if (endsBlank)
                {
                    TextLibraryBlock.Write(output, library, style);
                }
                else
                {
                    output.WriteLine(style.Dim(library.Scan.DisplayPath + ": no static TLS"));
                }
            }

            if (!endsBlank)
            {
                output.WriteLine();
            }

            if (report.Findings.Count > 0)
            {
                output.WriteLine(style.Bold("Findings"));
                foreach (var reported in report.Findings)
                {
                    var finding = reported.Finding;
                    var level = SeverityLevels.ToLevel(reported.Level);
                    var state = reported.Baselined ? " (baselined)" : "";
                    output.WriteLine("  " + style.ForSeverity(reported.Level, level + " " + finding.Id) + state + ": " + finding.Message);
                    output.WriteLine("    " + style.Dim(finding.FilePath + "  " + finding.Descriptor.HelpUri));
                }

                output.WriteLine();
            }

            foreach (var budget in report.Budgets)
            {
                output.WriteLine(
                    "Budget on " + BudgetText.Target(budget) + ": " + BudgetText.Figures(budget)
                    + ": " + style.ForVerdict(budget.Verdict, VerdictNames.ToName(budget.Verdict)));
            }

            output.WriteLine(Summary(report) + (context.SkippedNonElfFiles > 0 ? "; " + Plural(context.SkippedNonElfFiles, "non-ELF file") + " skipped" : ""));
        }

        /// <summary>"4 files: 1 fails, 0 at risk, 1 fits, 2 without static TLS; 3 findings (2 warnings, 1 note)".</summary>
        public static string Summary(Report report)
        {
            int Count(Verdict verdict) => report.Libraries.Count(library => library.Verdict == verdict);
            var levels = report.Findings
                .GroupBy(finding => finding.Level)
                .OrderByDescending(group => group.Key)
                .Select(group => Plural(group.Count(), SeverityLevels.ToLevel(group.Key)));
            var findings = report.Findings.Count == 0
                ? "no findings"
                : Plural(report.Findings.Count, "finding") + " (" + string.Join(", ", levels) + ")";
            return Plural(report.Libraries.Count, "file") + ": " + Count(Verdict.Fails) + " fails, " + Count(Verdict.AtRisk) + " at risk, "
                + Count(Verdict.Fits) + " fits, " + Count(Verdict.None) + " without static TLS; " + findings;
        }

        internal static string Bytes(long bytes) => bytes.ToString(CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");

        internal static string Plural(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

        private static bool NeedsBlock(LibraryVerdict library) =>
            library.Verdict != Verdict.None || library.Scan.Error != null || library.Scan.HasStaticTls || library.Chain.Count > 0;
    }
}
