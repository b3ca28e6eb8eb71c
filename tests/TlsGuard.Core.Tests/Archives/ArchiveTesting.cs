using TlsGuard.Core.Analysis;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Tests.Archives
{
    /// <summary>Reading files through an archive file system, and the allocation counter the memory assertions use.</summary>
    internal static class ArchiveTesting
    {
        public const string Jemalloc = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";

        public static byte[] Fixture(string relative) => File.ReadAllBytes(RepositoryRoot.Fixture(relative));

        public static byte[] ReadAll(ArchiveFileSystem files, string path)
        {
            using IByteSource? source = files.OpenRead(path, out var error);
            Assert.True(source != null, path + ": " + error);
            var bytes = new byte[source!.Length];
            int got = 0;
            while (got < bytes.Length)
            {
                int read = source.Read(got, bytes, got, bytes.Length - got);
                Assert.True(read > 0, path + " ended early");
                got += read;
            }

            return bytes;
        }

        public static string OpenError(ArchiveFileSystem files, string path)
        {
            using IByteSource? source = files.OpenRead(path, out var error);
            Assert.True(source == null, path + " opened, but an error was expected");
            return error!;
        }

        /// <summary>Managed bytes this thread allocated while running <paramref name="action"/> (GC.GetAllocatedBytesForCurrentThread).</summary>
        public static long AllocatedBy(Action action)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        public static string Inner(LibraryInput input) => input.Path.Substring(input.Path.IndexOf("!/", StringComparison.Ordinal) + 1);

        /// <summary>A stream that cannot seek, as standard input is.</summary>
        public static Stream Unseekable(string path) => new ForwardOnlyStream(File.OpenRead(path));
    }
}
