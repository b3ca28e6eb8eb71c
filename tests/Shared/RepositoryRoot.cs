using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace TlsGuard.Tests.Shared
{
    /// <summary>
    /// The TlsGuard checkout the tests were built from, read from the RepositoryRoot assembly attribute that
    /// tests/Directory.Build.props stamps on every test assembly (never from the working directory).
    /// </summary>
    internal static class RepositoryRoot
    {
        public static string Path { get; } = typeof(RepositoryRoot).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value
            ?? throw new InvalidOperationException("the RepositoryRoot assembly attribute has no value");

        public static string Combine(params string[] relativePath) => System.IO.Path.Combine(new[] { Path }.Concat(relativePath).ToArray());

        /// <summary>tests/fixtures: the fixture sources, the built fixtures (elf/) and readelf's manifest of them.</summary>
        public static string Fixtures => Combine("tests", "fixtures");

        public static string FixtureElf => Combine("tests", "fixtures", "elf");

        /// <summary>A committed fixture under tests/fixtures/elf ("x86_64-gcc/libie_own.so", or its parts); a missing one fails the test.</summary>
        public static string Fixture(params string[] relativePath)
        {
            var path = System.IO.Path.Combine(new[] { FixtureElf }.Concat(relativePath).ToArray());
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("fixture missing (tests/fixtures/build.sh builds it)", path);
            }

            return path;
        }
    }
}
