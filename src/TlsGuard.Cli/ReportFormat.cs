using System.IO;
using TlsGuard.Core.Policy;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Cli
{
    internal static class ReportFormat
    {
        public const string Text = "text";
        public const string Json = "json";
        public const string Sarif = "sarif";

        public static readonly string[] Names = { Text, Json, Sarif };

        public static string Render(string format, Report report, ReportContext context)
        {
            var writer = new StringWriter { NewLine = "\n" };
            switch (format)
            {
                case Json: JsonReportWriter.Write(writer, report, context); break;
                case Sarif: SarifReportWriter.Write(writer, report, context); break;
                default: TextReportWriter.Write(writer, report, context); break;
            }

            return writer.ToString();
        }
    }
}
