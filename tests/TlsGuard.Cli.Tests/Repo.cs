using System;
using System.IO;

namespace TlsGuard.Cli.Tests
{
    /// <summary>Paths the CLI tests need beyond the shared <see cref="RepositoryRoot"/>: the CLI itself, and inputs from outside the repository.</summary>
    internal static class Repo
    {
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
        public static string SarifSchema => Path.GetFullPath(RepositoryRoot.Combine("..", "shared", "schemas", "sarif-schema-2.1.0.json"));

        public static string CliProject => RepositoryRoot.Combine("src", "TlsGuard.Cli", "TlsGuard.Cli.csproj");

        /// <summary>The tlsguard.dll built next to this test assembly (a project reference).</summary>
        public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "tlsguard.dll");
    }
}
