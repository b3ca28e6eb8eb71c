using System.IO;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>The pieces of the checkout these tests import or pack: build/, the package project and the freshly built task.</summary>
    internal static class Repository
    {
        public static string BuildDirectory => RepositoryRoot.Combine("build");

        public static string PackageProject => RepositoryRoot.Combine("nuget", "TlsGuard.Package.csproj");

        public static string TasksAssembly
        {
            get
            {
                var path = RepositoryRoot.Combine("src", "TlsGuard.Tasks", "bin", BuildConfiguration.Name, "netstandard2.0", "TlsGuard.Tasks.dll");
                Assert.True(File.Exists(path), "build the task first: " + path);
                return path;
            }
        }
    }
}
