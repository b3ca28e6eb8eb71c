using System;
using System.Collections;
using System.Collections.Generic;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>Runs the dotnet CLI as a user would, in a clean environment.</summary>
    internal static class DotNet
    {
        public static CommandResult Run(string workingDirectory, params string[] arguments) =>
            ChildProcess.Run("dotnet", arguments, workingDirectory, CleanEnvironment(), TimeSpan.FromMinutes(3));

        private static Dictionary<string, string?> CleanEnvironment()
        {
            var environment = new Dictionary<string, string?>
            {
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            };

            // Locator registration set MSBuild variables in this process; a child dotnet must find its own MSBuild.
            foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                var name = (string)variable.Key;
                if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) && !environment.ContainsKey(name))
                {
                    environment[name] = null;
                }
            }

            return environment;
        }
    }
}
