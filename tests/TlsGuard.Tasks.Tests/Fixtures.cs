using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>The committed ELF fixtures (tests/fixtures/bin), found through the RepositoryRoot assembly attribute.</summary>
    internal static class Fixtures
    {
        public static string RepositoryRoot { get; } = typeof(Fixtures).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value
            ?? throw new InvalidOperationException("RepositoryRoot attribute missing");

        /// <summary>2632-byte initial-exec block on x86-64: fails to dlopen on glibc.</summary>
        public static string IeOwnX64 => Bin("x86_64-gcc", "libie_own.so");

        public static string IeOwnArm64 => Bin("aarch64-gcc", "libie_own.so");

        /// <summary>General-dynamic TLS only: loads anywhere.</summary>
        public static string GdX64 => Bin("x86_64-gcc", "libgd.so");

        public static string Bin(string toolchain, string file)
        {
            var path = Path.Combine(RepositoryRoot, "tests", "fixtures", "bin", toolchain, file);
            Assert.True(File.Exists(path), "fixture missing: " + path);
            return path;
        }
    }
}
