using System;
using System.CommandLine;
using TlsGuard.Core.Describe;

namespace TlsGuard.Cli
{
    /// <summary>Rejects a setting the way the MSBuild task does: the TLS010 text from the catalog, as a usage error (exit code 2).</summary>
    internal static class SettingValidation
    {
        public static void Require<T>(Option<T> option, string accepted, Func<string, bool> isValid)
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return;
                }

                var value = result.Tokens[result.Tokens.Count - 1].Value;
                if (!isValid(value))
                {
                    var finding = FindingFactory.InvalidSetting(option.Name, value, accepted, "");
                    result.AddError(finding.Id + ": " + finding.Message);
                }
            });
        }
    }
}
