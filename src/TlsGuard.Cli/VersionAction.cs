using System.CommandLine;
using System.CommandLine.Invocation;

namespace TlsGuard.Cli
{
    /// <summary>`--version` prints this tool's version; the default action would print the entry assembly's, which differs when hosted (tests).</summary>
    internal sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ToolInfo.Version);
            return ExitCodes.Success;
        }
    }
}
