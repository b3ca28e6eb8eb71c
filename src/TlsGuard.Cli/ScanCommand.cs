using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using TlsGuard.Core.Policy;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Cli
{
    /// <summary>`tlsguard scan PATH...`: analyse, print a report, exit 1 when a finding reaches --fail-on.</summary>
    internal static class ScanCommand
    {
        public static Command Create(CliConsole console)
        {
            var analysis = new AnalysisOptionSet();
            var policy = new PolicyOptionSet();
            var format = new Option<string>("--format", "-f")
            {
                Description = "Report format.",
                DefaultValueFactory = _ => ReportFormat.Text,
            };
            format.AcceptOnlyFromAmong(ReportFormat.Names);
            var output = new Option<string?>("--output", "-o") { HelpName = "file", Description = "Write the report to this file instead of standard output." };
            var failOn = new Option<string>("--fail-on")
            {
                Description = "Findings that make the exit code 1: fails (TLS001, TLS006, TLS009), at-risk (also TLS002, TLS003, TLS011), any (every warning), never.",
                DefaultValueFactory = _ => "fails",
            };
            SettingValidation.Require(failOn, string.Join(", ", FailOnPolicy.Names), value => FailOnPolicy.TryParse(value, out _));
            var baseline = new Option<string?>("--baseline") { HelpName = "file", Description = "Only findings not in this baseline file (tlsguard baseline) count toward failure." };
            var noColor = new Option<bool>("--no-color") { Description = "Never colour the text report." };
            var sourceRoot = new Option<string?>("--source-root")
            {
                HelpName = "dir",
                Description = "SARIF locations are relative to this folder (default: the git checkout around the working directory).",
            };

            var command = new Command("scan", "Check native libraries, object files and archives for static TLS that breaks dlopen.");
            analysis.AddTo(command);
            policy.AddTo(command);
            command.Options.Add(format);
            command.Options.Add(output);
            command.Options.Add(failOn);
            command.Options.Add(baseline);
            command.Options.Add(noColor);
            command.Options.Add(sourceRoot);

            command.SetAction(parseResult =>
            {
                var baselinePath = parseResult.GetValue(baseline);
                var settings = new ScanSettings(
                    parseResult.GetRequiredValue(analysis.Paths),
                    analysis.ToOptions(parseResult),
                    policy.ToSettings(parseResult) with
                    {
                        FailOn = FailOnPolicy.Parse(parseResult.GetRequiredValue(failOn)).Level,
                        Baseline = baselinePath == null ? null : LoadBaseline(baselinePath),
                    },
                    parseResult.GetRequiredValue(format),
                    parseResult.GetValue(output),
                    parseResult.GetValue(noColor),
                    parseResult.GetValue(sourceRoot));
                return Execute(settings, console);
            });
            return command;
        }

        internal static int Execute(ScanSettings settings, CliConsole console)
        {
            var run = ScanPipeline.Run(settings.Paths, settings.Options);
            var report = PolicyPipeline.Apply(run.Analysis, settings.Policy);
            var workingDirectory = Directory.GetCurrentDirectory();
            var context = new ReportContext
            {
                ToolVersion = ToolInfo.Version,
                SkippedNonElfFiles = run.SkippedNonElfFiles,
                RepositoryRoot = SourceRoot.Resolve(settings.SourceRoot, workingDirectory),
                WorkingDirectory = workingDirectory,
                RuleHelpMarkdown = settings.Format == ReportFormat.Sarif ? RuleDocs.All() : new Dictionary<string, string>(),
                UseColor = settings.Format == ReportFormat.Text && settings.OutputPath == null && console.OutputIsTerminal
                    && !settings.NoColor && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
            };

            var failing = report.Failing;
            var status = StatusLine(settings.Policy.FailOn ?? FailOn.Fails, failing, report.Baseline);
            var rendered = ReportFormat.Render(settings.Format, report, context);
            if (settings.Format == ReportFormat.Text)
            {
                rendered += status + "\n";
            }

            if (settings.OutputPath != null)
            {
                OutputFile.Write(settings.OutputPath, rendered);
                console.Output.WriteLine("Report written to " + settings.OutputPath);
                console.Output.WriteLine(status);
            }
            else
            {
                console.Output.Write(rendered);
                if (settings.Format != ReportFormat.Text)
                {
                    console.Error.WriteLine(status);
                }
            }

            return failing.Count > 0 ? ExitCodes.FindingsFailed : ExitCodes.Success;
        }

        private static Baseline LoadBaseline(string path)
        {
            try
            {
                return Baseline.Load(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is BaselineFormatException)
            {
                throw new UsageException("cannot read baseline " + path + ": " + e.Message, e);
            }
        }

        /// <summary>The first few names; a CI log line should stay readable when a folder has hundreds of findings.</summary>
        private static string Names(IReadOnlyList<string> names)
        {
            const int Shown = 5;
            return names.Count <= Shown
                ? string.Join(", ", names)
                : string.Join(", ", names.Take(Shown)) + " and " + (names.Count - Shown) + " more";
        }

        private static string StatusLine(FailOn failOn, IReadOnlyList<ReportedFinding> failing, BaselineResult? baseline)
        {
            var level = "--fail-on " + FailOnPolicy.ToName(failOn);
            var line = failing.Count == 0
                ? "tlsguard: passed: no finding reaches " + level
                : "tlsguard: failed: " + failing.Count + (failing.Count == 1 ? " finding" : " findings") + " at " + level + ": "
                  + Names(failing.Select(reported => reported.Finding.Id + " " + Path.GetFileName(reported.Finding.FilePath)).Distinct().ToList());
            if (baseline != null)
            {
                var stale = baseline.StaleEntries.Count;
                line += " (" + baseline.BaselinedFindings.Count + " baselined, " + stale + (stale == 1 ? " stale baseline entry)" : " stale baseline entries)");
            }

            return line;
        }
    }
}
