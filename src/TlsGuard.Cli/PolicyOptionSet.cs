using System.CommandLine;
using TlsGuard.Core.Policy;

namespace TlsGuard.Cli
{
    /// <summary>The reporting policy options `scan` and `baseline` share, mapped to the same <see cref="PolicySettings"/> the MSBuild task fills.</summary>
    internal sealed class PolicyOptionSet
    {
        public Option<string> Severity { get; } = new Option<string>("--severity")
        {
            Description = "The level of TLS001, TLS002, TLS003 and TLS006 (as TlsGuardSeverity): error, warning, message or none.",
            DefaultValueFactory = _ => "warning",
        };

        public Option<string[]> Suppress { get; } = new Option<string[]>("--suppress")
        {
            HelpName = "pattern",
            Description = "Do not report findings about files whose name matches this pattern (* and ?; repeatable; as TlsGuardSuppressLibraries).",
        };

        public PolicyOptionSet()
        {
            SettingValidation.Require(Severity, string.Join(", ", SeverityNames.All), value => SeverityNames.TryParse(value, out _));
        }

        public void AddTo(Command command)
        {
            command.Options.Add(Severity);
            command.Options.Add(Suppress);
        }

        public PolicySettings ToSettings(ParseResult parseResult)
        {
            SeverityNames.TryParse(parseResult.GetValue(Severity), out var severity);
            return new PolicySettings
            {
                Severity = severity,
                SuppressLibraries = parseResult.GetValue(Suppress) ?? new string[0],
            };
        }
    }
}
