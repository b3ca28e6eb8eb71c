using System.Reflection;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>The checkout this program was built from (stamped by the project file), for the fixtures.</summary>
    internal static class FuzzPaths
    {
        public static string RepositoryRoot { get; } = typeof(FuzzPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value
            ?? throw new InvalidOperationException("the RepositoryRoot assembly attribute has no value");

        public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "fixtures");
    }
}
