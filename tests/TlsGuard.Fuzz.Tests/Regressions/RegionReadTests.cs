using TlsGuard.Core.Scanning;
using TlsGuard.Fuzz.Harness;

namespace TlsGuard.Fuzz.Tests.Regressions
{
    /// <summary>
    /// A shared object's dynamic-link tables lie side by side and are read in one piece (Elf.IO.ImageRegion): a scan costs
    /// a handful of reads (the identification, the header, the section headers, the dynamic section, the tables), not one
    /// per table and window refill. Before, a scan of Debian's libc.so.6 took dozens.
    /// </summary>
    public sealed class RegionReadTests
    {
        [Theory]
        [InlineData("x86_64-gcc", "libgd.so")]
        [InlineData("x86_64-clang", "libie_own.so")]
        [InlineData("aarch64-gcc", "libdesc.so")]
        public void A_library_is_read_in_a_handful_of_reads(string folder, string file)
        {
            ScanMeasurement m = ScanProbe.Measure(File.ReadAllBytes(RepositoryRoot.Fixture(folder, file)));

            Assert.Null(Assert.Single(m.Results).Error);
            Assert.True(m.Reads <= 7, m.Reads + " reads");
        }

        [Fact]
        public void The_c_library_is_read_in_a_handful_of_reads_and_a_fraction_of_its_bytes()
        {
            const string path = "/usr/lib/x86_64-linux-gnu/libc.so.6";
            Assert.True(File.Exists(path), path + " is missing: the tests run on Debian x86-64");

            ScanMeasurement m = ScanProbe.MeasureFile(path);

            ElfScanResult result = Assert.Single(m.Results);
            Assert.Null(result.Error);
            Assert.Contains("errno", result.DefinedTlsSymbols);
            Assert.True(m.Reads <= 8, m.Reads + " reads");
            Assert.True(m.BytesRead < m.InputLength / 4, m.BytesRead + " bytes read of " + m.InputLength);
        }
    }
}
