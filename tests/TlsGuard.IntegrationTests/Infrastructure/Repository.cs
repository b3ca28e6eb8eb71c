using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>Paths inside the TlsGuard checkout the tests run from.</summary>
    internal static class Repository
    {
        public static string Root { get; } = Metadata("RepositoryRoot");

        /// <summary>The configuration this test assembly was built in; the task and package were built in it too.</summary>
        public static string Configuration { get; } = Metadata("Configuration");

        public static string BuildDirectory => Path.Combine(Root, "build");

        public static string PackageProject => Path.Combine(Root, "nuget", "TlsGuard.Package.csproj");

        public static string TasksAssembly
        {
            get
            {
                var path = Path.Combine(Root, "src", "TlsGuard.Tasks", "bin", Configuration, "netstandard2.0", "TlsGuard.Tasks.dll");
                Assert.True(File.Exists(path), "build the task first: " + path);
                return path;
            }
        }

        public static string Fixture(string toolchain, string file)
        {
            var path = Path.Combine(Root, "tests", "fixtures", "bin", toolchain, file);
            Assert.True(File.Exists(path), "fixture missing: " + path);
            return path;
        }

        private static string Metadata(string key) => typeof(Repository).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
            ?? throw new InvalidOperationException(key + " attribute missing");
    }
}
