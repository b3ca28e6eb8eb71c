using System.Reflection;

namespace TlsGuard.Cli
{
    /// <summary>The tool's version as SemVer, without the build metadata (+commit) the SDK appends.</summary>
    public static class ToolInfo
    {
        public static string Version { get; } = ReadVersion();

        private static string ReadVersion()
        {
            var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString(3)
                ?? "0.0.0";
            var plus = informational.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }
}
