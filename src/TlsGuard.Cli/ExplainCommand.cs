using System.CommandLine;
using System.Linq;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Cli
{
    /// <summary>`tlsguard explain CODE`: the catalog entry and the rule page.</summary>
    internal static class ExplainCommand
    {
        public static Command Create(CliConsole console)
        {
            var code = new Argument<string>("code") { Description = "A diagnostic code such as TLS001." };
            var command = new Command("explain", "Explain a diagnostic code: what it means and how to fix it.");
            command.Arguments.Add(code);
            command.SetAction(parseResult =>
            {
                var id = parseResult.GetRequiredValue(code);
                var descriptor = DiagnosticCatalog.Find(id);
                if (descriptor == null)
                {
                    throw new UsageException("unknown diagnostic code '" + id + "'; known codes: " + string.Join(", ", DiagnosticCatalog.All.Select(d => d.Id)));
                }

                var output = console.Output;
                output.WriteLine(descriptor.Id + ": " + descriptor.Title);
                output.WriteLine("Default severity: " + SeverityLevels.ToLevel(descriptor.DefaultSeverity));
                output.WriteLine("Help: " + descriptor.HelpUri);
                output.WriteLine();
                output.WriteLine(descriptor.Description);
                var page = RuleDocs.Find(descriptor.Id);
                if (page != null)
                {
                    output.WriteLine();
                    output.WriteLine(page.TrimEnd());
                }

                return ExitCodes.Success;
            });
            return command;
        }
    }
}
