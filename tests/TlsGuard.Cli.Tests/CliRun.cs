using System.IO;

namespace TlsGuard.Cli.Tests
{
    /// <summary>The tlsguard command line run in-process, with its two streams captured.</summary>
    internal static class CliRun
    {
        public static CommandResult Of(params string[] args)
        {
            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            var exitCode = TlsGuardApp.Run(args, new CliConsole(output, error));
            return new CommandResult(exitCode, output.ToString(), error.ToString());
        }
    }
}
