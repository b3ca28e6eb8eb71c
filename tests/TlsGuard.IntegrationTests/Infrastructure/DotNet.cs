using System;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>Runs the dotnet CLI as a user would, in a clean environment.</summary>
    internal static class DotNet
    {
        public static CommandResult Run(string workingDirectory, params string[] arguments) =>
            ChildProcess.Run("dotnet", arguments, workingDirectory, DotNetEnvironment.Clean(), TimeSpan.FromMinutes(3));
    }
}
