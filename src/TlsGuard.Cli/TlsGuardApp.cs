using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;

namespace TlsGuard.Cli
{
    /// <summary>The `tlsguard` entry point: builds the command tree, maps usage errors to exit code 2.</summary>
    public static class TlsGuardApp
    {
        public static RootCommand CreateRootCommand(CliConsole console)
        {
            var root = new RootCommand("tlsguard: finds native ELF libraries that need static TLS (initial-exec) and will fail to dlopen.");
            root.Subcommands.Add(ScanCommand.Create(console));
            root.Subcommands.Add(BaselineCommand.Create(console));
            root.Subcommands.Add(ExplainCommand.Create(console));
            foreach (var version in root.Options.OfType<VersionOption>())
            {
                version.Action = new VersionAction();
            }

            return root;
        }

        public static int Run(string[] args, CliConsole console)
        {
            var parseResult = CreateRootCommand(console).Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                foreach (var error in parseResult.Errors)
                {
                    console.Error.WriteLine("tlsguard: " + error.Message);
                }

                var command = parseResult.CommandResult.Command;
                var help = command is RootCommand ? "tlsguard --help" : "tlsguard " + command.Name + " --help";
                console.Error.WriteLine("Run '" + help + "' for usage.");
                return ExitCodes.UsageOrIoError;
            }

            try
            {
                return parseResult.Invoke(new InvocationConfiguration
                {
                    Output = console.Output,
                    Error = console.Error,
                    EnableDefaultExceptionHandler = false,
                });
            }
            catch (UsageException e)
            {
                console.Error.WriteLine("tlsguard: " + e.Message);
                return ExitCodes.UsageOrIoError;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                console.Error.WriteLine("tlsguard: " + e.Message);
                return ExitCodes.UsageOrIoError;
            }
        }
    }
}
