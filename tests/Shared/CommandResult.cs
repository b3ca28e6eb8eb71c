using System;

namespace TlsGuard.Tests.Shared
{
    /// <summary>How a command ended: its exit code and both output streams, as a child process or an in-process run.</summary>
    internal sealed class CommandResult
    {
        public CommandResult(int exitCode, string output, string error, TimeSpan elapsed = default)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
            Elapsed = elapsed;
        }

        public int ExitCode { get; }
        public string Output { get; }
        public string Error { get; }
        public TimeSpan Elapsed { get; }

        public void Deconstruct(out int exitCode, out string output, out string error)
        {
            exitCode = ExitCode;
            output = Output;
            error = Error;
        }

        /// <summary>The whole transcript, for assertion messages.</summary>
        public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Output + "\nstderr:\n" + Error;
    }
}
