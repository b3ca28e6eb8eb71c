using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>The exported TLS definitions of every fixture file agree with readelf's symbol listing.</summary>
    public sealed class DefinedTlsSymbolsTests
    {
        public static TheoryData<string> Files()
        {
            var data = new TheoryData<string>();
            foreach (string path in FixtureManifest.Instance.Fixtures.Select(f => f.Path).Distinct())
            {
                data.Add(path);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Files))]
        public void Defined_tls_symbols_match_readelf(string relativePath)
        {
            ManifestEntry first = FixtureManifest.Instance.Fixtures.First(f => f.Path == relativePath);
            string path = first.FullPath;
            bool isObject = first.Type == "rel";
            string listing = isObject ? Readelf.Run("-sW", path)
                : first.SectionHeaders ? Readelf.Run("--dyn-syms", "-W", path)
                : Readelf.Run("-sDW", path);
            Dictionary<string, List<string>> expected = Readelf.DefinedTlsSymbols(listing, isObject ? ".symtab" : ".dynsym");

            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(path);
            Assert.Equal(expected.Count, results.Count);
            foreach (ElfScanResult result in results)
            {
                Assert.Null(result.Error);
                Assert.Equal(expected[result.ArchiveMember ?? ""], result.DefinedTlsSymbols);
            }
        }

        [Fact]
        public void Library_defining_a_tls_variable_exports_it()
        {
            ElfScanResult result = Assert.Single(ElfScanner.Scan(RepositoryRoot.Fixture("x86_64-gcc/libdef.so")));

            Assert.Contains("def_var", result.DefinedTlsSymbols);
        }
    }
}
