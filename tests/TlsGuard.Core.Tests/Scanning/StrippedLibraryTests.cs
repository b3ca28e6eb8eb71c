using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>Facts that hold only because the scanner reads relocations, not flags or section headers.</summary>
    public sealed class StrippedLibraryTests
    {
        [Fact]
        public void Aarch64_library_without_sections_or_flag_still_shows_its_tprel64()
        {
            string path = RepositoryRoot.Fixture("aarch64-gcc/libie_own_stripped.so");
            Assert.Contains("There are no sections", Readelf.Run("-SW", path));

            ElfScanResult result = Assert.Single(ElfScanner.Scan(path));

            Assert.Null(result.Error);
            Assert.False(result.DfStaticTls);
            Assert.Equal(1, result.StaticTlsRelocations["R_AARCH64_TLS_TPREL64"]);
            Assert.Equal(Readelf.TlsSegmentSize(path), result.TlsBlock?.Size);
        }

        [Fact]
        public void Stripped_and_original_libraries_give_the_same_answer()
        {
            foreach (string folder in Directory.GetDirectories(RepositoryRoot.FixtureElf))
            {
                ElfScanResult original = Assert.Single(ElfScanner.Scan(Path.Combine(folder, "libie_own.so")));
                ElfScanResult stripped = Assert.Single(ElfScanner.Scan(Path.Combine(folder, "libie_own_stripped.so")));

                Assert.Null(stripped.Error);
                Assert.Equal(original.StaticTlsRelocations, stripped.StaticTlsRelocations);
                Assert.Equal(original.DynamicTlsRelocations, stripped.DynamicTlsRelocations);
                Assert.Equal(original.DefinedTlsSymbols, stripped.DefinedTlsSymbols);
                Assert.Equal(original.Soname, stripped.Soname);
                Assert.Equal(original.TlsBlock?.Size, stripped.TlsBlock?.Size);
            }
        }
    }
}
