using System.Text.RegularExpressions;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>
    /// Real Debian libraries (installed by scripts/install-test-deps.sh) against readelf at test time: every TLS
    /// relocation readelf lists is counted, and the known offenders come out as documented.
    /// </summary>
    public sealed class DebianLibraryTests
    {
        private const string LibDir = "/usr/lib/x86_64-linux-gnu/";

        // A relocation readelf prints whose name mentions thread-pointer or module-relative offsets is a TLS relocation.
        private static readonly Regex TlsName = new("TPOFF|TPREL|DTPMOD|DTPOFF|DTPREL|TLS");

        public static TheoryData<string> Libraries() => new()
        {
            "libjemalloc.so.2",
            "libmimalloc.so.2",
            "libm.so.6",
            "libc.so.6",
            "libstdc++.so.6",
            "libGLdispatch.so.0",
            "libGLX.so.0",
        };

        [Theory]
        [MemberData(nameof(Libraries))]
        public void Tls_relocation_counts_match_readelf(string name)
        {
            string path = Installed(name);
            var expected = Readelf.RelocationCounts(path).Where(p => TlsName.IsMatch(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

            ElfScanResult result = Assert.Single(ElfScanner.Scan(path));

            Assert.Null(result.Error);
            var actual = result.StaticTlsRelocations.Concat(result.DynamicTlsRelocations).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, actual);
            Assert.Equal(Readelf.TlsSegmentSize(path), result.TlsBlock?.Size);
        }

        [Theory]
        [MemberData(nameof(Libraries))]
        public void Version_needs_definitions_and_imports_match_readelf(string name)
        {
            string path = Installed(name);
            (List<string> requirements, List<string> definitions, List<string> imports) = Readelf.Versions(path);

            ElfScanResult result = Assert.Single(ElfScanner.Scan(path));

            Assert.Null(result.Error);
            Assert.Equal(requirements, result.VersionRequirements.Select(r => r.File + ": " + string.Join(", ", r.Versions)));
            Assert.Equal(definitions, result.VersionDefinitions);
            Assert.Equal(imports, result.VersionedImports.Select(i => i.Symbol + "@" + i.Version + " from " + i.File + (i.Weak ? " (weak)" : "")));
            Assert.Equal(imports.Count, result.VersionedImportsTotal);
        }

        [Fact]
        public void Libc_defines_the_glibc_versions_from_2_2_5_to_its_own()
        {
            ElfScanResult result = Assert.Single(ElfScanner.Scan(Installed("libc.so.6")));

            Assert.Equal("GLIBC_2.2.5", result.VersionDefinitions[0]);
            Assert.Contains("GLIBC_2.36", result.VersionDefinitions);
            Assert.Contains("GLIBC_PRIVATE", result.VersionDefinitions);
            Assert.DoesNotContain("libc.so.6", result.VersionDefinitions);
            Assert.Equal("/lib64/ld-linux-x86-64.so.2", result.Interpreter);
        }

        [Fact]
        public void Jemalloc_reaches_its_own_2632_byte_block_with_one_tpoff64()
        {
            ElfScanResult result = Assert.Single(ElfScanner.Scan(Installed("libjemalloc.so.2")));

            Assert.Equal(new Dictionary<string, int> { ["R_X86_64_TPOFF64"] = 1 }, result.StaticTlsRelocations);
            StaticTlsSymbol symbol = Assert.Single(result.StaticTlsSymbols);
            Assert.True(symbol.IsOwnBlock);
            Assert.True(symbol.DefinedHere);
            Assert.Equal(1, symbol.RelocationCount);
            Assert.Equal(2632, result.TlsBlock!.Size);
            Assert.True(result.DfStaticTls);
        }

        [Fact]
        public void Libm_uses_initial_exec_on_glibc_errno()
        {
            ElfScanResult result = Assert.Single(ElfScanner.Scan(Installed("libm.so.6")));

            StaticTlsSymbol symbol = Assert.Single(result.StaticTlsSymbols);
            Assert.Equal("errno", symbol.Name);
            Assert.False(symbol.DefinedHere);
            Assert.Null(result.TlsBlock);
            Assert.Contains("libc.so.6", result.Needed);
        }

        [Fact]
        public void Libc_exports_errno_as_a_tls_definition()
        {
            ElfScanResult result = Assert.Single(ElfScanner.Scan(Installed("libc.so.6")));

            Assert.Contains("errno", result.DefinedTlsSymbols);
            Assert.Equal("libc.so.6", result.Soname);
        }

        [Fact]
        public void Mimalloc_has_two_tpoff64()
        {
            ElfScanResult result = Assert.Single(ElfScanner.Scan(Installed("libmimalloc.so.2")));

            Assert.Equal(2, result.StaticTlsRelocations["R_X86_64_TPOFF64"]);
        }

        private static string Installed(string name)
        {
            string path = LibDir + name;
            Assert.True(File.Exists(path), path + " is missing: run scripts/install-test-deps.sh");
            return path;
        }
    }
}
