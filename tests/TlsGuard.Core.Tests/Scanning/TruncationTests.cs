using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>Every prefix of a fixture (1 byte short, 2 bytes short, ... empty) is reported as broken, never judged.</summary>
    public sealed class TruncationTests
    {
        [Theory]
        [InlineData("x86_64-gcc/libie_own.so")]
        [InlineData("x86_64-gcc/libie_own_stripped.so")]
        [InlineData("aarch64-gcc/libie_own_stripped.so")]
        [InlineData("ppc64-gcc/libie_ext.so")]
        [InlineData("x86_64-gcc/ie.o")]
        [InlineData("i686-gcc/libie_own.so")]
        public void Every_truncated_copy_of_an_elf_file_has_an_error(string fixture)
        {
            byte[] image = File.ReadAllBytes(RepositoryRoot.Fixture(fixture));
            Assert.Null(Assert.Single(ElfScanner.Scan(image, fixture)).Error);

            for (int length = 0; length < image.Length; length++)
            {
                ElfScanResult result = Assert.Single(ElfScanner.Scan(image.AsSpan(0, length).ToArray(), fixture));
                Assert.True(result.Error != null, fixture + " cut to " + length + " bytes was read without an error");
            }
        }

        [Theory]
        [InlineData("x86_64-gcc/libtlsobjs.a")]
        [InlineData("s390x-gcc/libtlsobjs.a")]
        public void Every_truncated_copy_of_an_archive_reports_an_error(string fixture)
        {
            byte[] image = File.ReadAllBytes(RepositoryRoot.Fixture(fixture));
            IReadOnlyList<ElfScanResult> complete = ElfScanner.Scan(image, fixture);
            Assert.Equal(3, complete.Count);
            Assert.All(complete, r => Assert.Null(r.Error));

            for (int length = 0; length < image.Length; length++)
            {
                if (length == 8)
                {
                    // Just "!<arch>\n": a well-formed empty archive.
                    Assert.Empty(ElfScanner.Scan(image.AsSpan(0, length).ToArray(), fixture));
                    continue;
                }

                IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(image.AsSpan(0, length).ToArray(), fixture);
                Assert.True(results.Any(r => r.Error != null), fixture + " cut to " + length + " bytes was read without an error");
                Assert.True(results.Count <= complete.Count + 1);
            }
        }
    }
}
