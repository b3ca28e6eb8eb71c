using System.Reflection;

namespace TlsGuard.Tests.Shared
{
    /// <summary>The configuration (Debug, Release) this test assembly was built in; the projects it packs or runs were built in it too.</summary>
    internal static class BuildConfiguration
    {
        public static string Name { get; } = typeof(BuildConfiguration).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
    }
}
