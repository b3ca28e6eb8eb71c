using System.CommandLine;
using System.IO;
using TlsGuard.Core.Policy;

namespace TlsGuard.Cli
{
    /// <summary>`tlsguard baseline PATH... --output FILE`: record today's findings so that `scan --baseline` fails only on new ones.</summary>
    internal static class BaselineCommand
    {
        public static Command Create(CliConsole console)
        {
            var analysis = new AnalysisOptionSet();
            var policy = new PolicyOptionSet();
            var output = new Option<string>("--output", "-o")
            {
                HelpName = "file",
                Description = "The baseline file to write (JSON; commit it next to your build).",
                Required = true,
            };

            var command = new Command("baseline", "Write the current findings to a baseline file for `scan --baseline`.");
            analysis.AddTo(command);
            policy.AddTo(command);
            command.Options.Add(output);
            command.SetAction(parseResult =>
            {
                var path = parseResult.GetRequiredValue(output);
                var analyzed = ScanPipeline.Run(parseResult.GetRequiredValue(analysis.Paths), analysis.ToOptions(parseResult));
                var report = PolicyPipeline.Apply(analyzed.Analysis, policy.ToSettings(parseResult));
                var directory = Path.GetDirectoryName(Path.GetFullPath(path));
                var writer = new StringWriter { NewLine = "\n" };
                Baseline.Write(writer, report.Findings, directory);
                OutputFile.Write(path, writer.ToString());
                var count = Baseline.EntriesFor(report.Findings, directory).Count;
                console.Output.WriteLine("Baseline written to " + path + ": " + count + (count == 1 ? " entry" : " entries"));
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
