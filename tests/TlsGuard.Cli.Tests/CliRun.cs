using System.IO;

namespace TlsGuard.Cli.Tests
{
    /// <summary>One in-process run of the tlsguard command line.</summary>
    internal sealed class CliRun
    {
        private CliRun(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }
        public string Output { get; }
        public string Error { get; }

        public static CliRun Of(params string[] args)
        {
            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            var exitCode = TlsGuardApp.Run(args, new CliConsole(output, error));
            return new CliRun(exitCode, output.ToString(), error.ToString());
        }

        public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Output + "\nstderr:\n" + Error;
    }
}
