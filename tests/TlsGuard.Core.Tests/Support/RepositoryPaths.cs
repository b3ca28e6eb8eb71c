using System.Linq;
using System.Reflection;

namespace TlsGuard.Core.Tests.Support
{
    /// <summary>Locations inside the repository, found through the RepositoryRoot assembly attribute.</summary>
    internal static class RepositoryPaths
    {
        public static string Root { get; } = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;

        public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

        public static string FixtureBin => Path.Combine(Fixtures, "bin");

        public static string Fixture(string relativePath) => Path.Combine(FixtureBin, relativePath);
    }
}
