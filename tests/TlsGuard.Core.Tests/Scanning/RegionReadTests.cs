using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>
    /// A shared object's dynamic-link tables lie side by side and are read in one piece (Elf.IO.ImageRegion): a scan costs
    /// a handful of reads (the header, the section headers, the dynamic section, the tables), not one per table and window
    /// refill.
    /// </summary>
    public sealed class RegionReadTests
    {
        [Theory]
        [InlineData("x86_64-gcc", "libgd.so")]
        [InlineData("x86_64-clang", "libie_own.so")]
        [InlineData("aarch64-gcc", "libdesc.so")]
        public void A_library_is_read_in_a_handful_of_reads(string folder, string file)
        {
            var bytes = File.ReadAllBytes(RepositoryRoot.Fixture(folder, file));
            var source = new Counting(new ArrayByteSource(bytes));

            var result = Assert.Single(ElfScanner.Scan(source, file));

            Assert.Null(result.Error);
            Assert.True(source.Reads <= 7, source.Reads + " reads");
        }

        [Fact]
        public void The_c_library_is_read_in_a_handful_of_reads_and_a_fraction_of_its_bytes()
        {
            var path = "/usr/lib/x86_64-linux-gnu/libc.so.6";
            Assert.True(File.Exists(path), path + " is missing: the tests run on Debian x86-64");
            using var source = new Counting(Core.Files.DiskFileSystem.Instance.OpenRead(path, out var error) ?? throw new IOException(error));

            var result = Assert.Single(ElfScanner.Scan(source, path));

            Assert.Null(result.Error);
            Assert.Contains("errno", result.DefinedTlsSymbols);
            Assert.True(source.Reads <= 8, source.Reads + " reads: " + string.Join(" ", source.Log));
            Assert.True(source.BytesRead < source.Length / 4, source.BytesRead + " bytes read of " + source.Length);
        }

        private sealed class Counting : IByteSource
        {
            private readonly IByteSource inner;

            public Counting(IByteSource inner) => this.inner = inner;

            public long Length => inner.Length;

            public int Reads { get; private set; }

            public long BytesRead { get; private set; }

            public List<string> Log { get; } = new();

            public int Read(long position, byte[] buffer, int offset, int count)
            {
                Log.Add(position + "+" + count);
                Reads++;
                int read = inner.Read(position, buffer, offset, count);
                BytesRead += read;
                return read;
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
