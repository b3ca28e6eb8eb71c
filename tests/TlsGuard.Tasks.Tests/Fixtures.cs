namespace TlsGuard.Tasks.Tests
{
    /// <summary>The committed ELF fixtures (tests/fixtures/elf) the task tests scan most.</summary>
    internal static class Fixtures
    {
        /// <summary>2632-byte initial-exec block on x86-64: fails to dlopen on glibc.</summary>
        public static string IeOwnX64 => RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so");

        public static string IeOwnArm64 => RepositoryRoot.Fixture("aarch64-gcc", "libie_own.so");

        /// <summary>General-dynamic TLS only: loads anywhere.</summary>
        public static string GdX64 => RepositoryRoot.Fixture("x86_64-gcc", "libgd.so");
    }
}
