using System;
using System.Collections;
using System.Collections.Generic;

namespace TlsGuard.Tests.Shared
{
    /// <summary>The environment a child `dotnet` runs in, as a user's shell would give it.</summary>
    internal static class DotNetEnvironment
    {
        /// <summary>
        /// English, quiet, no MSBuild node left behind, and none of this process's MSBuild variables: a parent under
        /// `dotnet test` or Microsoft.Build.Locator carries them, and the child must find its own MSBuild.
        /// </summary>
        public static Dictionary<string, string?> Clean()
        {
            var environment = new Dictionary<string, string?>
            {
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            };

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
