using System.IO;

namespace TlsGuard.Cli
{
    /// <summary>Where the commands write; tests pass string writers, so nothing reaches System.Console directly.</summary>
    public sealed class CliConsole
    {
        public CliConsole(TextWriter output, TextWriter error, bool outputIsTerminal = false)
        {
            Output = output;
            Error = error;
            OutputIsTerminal = outputIsTerminal;
        }

        public TextWriter Output { get; }
        public TextWriter Error { get; }

        /// <summary>True when standard output is a terminal: the only case the text report is coloured.</summary>
        public bool OutputIsTerminal { get; }
    }
}
