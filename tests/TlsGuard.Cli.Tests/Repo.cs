using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace TlsGuard.Cli.Tests
{
    /// <summary>Paths into the repository, found through the RepositoryRoot assembly attribute (not the working directory).</summary>
    internal static class Repo
    {
        public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

        public static string Fixture(string relativePath)
        {
            var path = Path.Combine(Root, "tests", "fixtures", "bin", relativePath);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("fixture missing (tests/fixtures/build.sh builds it)", path);
            }

            return path;
        }

        /// <summary>Debian's libjemalloc2 (installed by scripts/install-test-deps.sh): a real library that fails under dotnet.</summary>
        public static string Jemalloc
        {
            get
            {
                const string path = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException("libjemalloc2 is not installed; run scripts/install-test-deps.sh", path);
                }

                return path;
            }
        }

        /// <summary>The SARIF 2.1.0 schema shared next to the repository (not copied into it).</summary>
        public static string SarifSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "sarif-schema-2.1.0.json"));

        public static string CliProject => Path.Combine(Root, "src", "TlsGuard.Cli", "TlsGuard.Cli.csproj");

        /// <summary>The tlsguard.dll built next to this test assembly (a project reference).</summary>
        public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "tlsguard.dll");
    }
}
