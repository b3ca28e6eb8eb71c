using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>Every fixture, scanned from disk, must report exactly what readelf recorded in the manifest.</summary>
    public sealed class ManifestTests
    {
        public static TheoryData<string> Entries()
        {
            var data = new TheoryData<string>();
            foreach (ManifestEntry entry in FixtureManifest.Instance.Fixtures)
            {
                data.Add(entry.Key);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Entries))]
        public void Scan_matches_readelf(string key)
        {
            ManifestEntry expected = FixtureManifest.Instance.Find(key);
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(expected.FullPath);
            ElfScanResult actual = Assert.Single(results, r => r.ArchiveMember == expected.Member);

            Assert.Null(actual.Error);
            Assert.Equal(expected.FullPath, actual.Path);
            Assert.Equal(expected.Machine, actual.Platform.Name);
            Assert.Equal(expected.ElfClass, actual.Platform.Bits);
            Assert.Equal(expected.Endianness, actual.Platform.ByteOrderName);
            Assert.Equal(expected.Type, ElfTypeNames.ShortName(actual.FileType));
            Assert.Equal(expected.Soname, actual.Soname);
            Assert.Equal(expected.Needed, actual.Needed);
            Assert.Equal(expected.Runpath, actual.Runpath);
            Assert.Equal(expected.Rpath, actual.Rpath);
            Assert.Equal(expected.DfStaticTls, actual.DfStaticTls);
            Assert.Equal(expected.TlsBlock?.Size, actual.TlsBlock?.Size);
            Assert.Equal(expected.TlsBlock?.Align, actual.TlsBlock?.Align);
            Assert.Equal(expected.TlsBlock?.VirtualAddress, actual.TlsBlock?.VirtualAddress);
            Assert.Equal(
                expected.TlsBlock == null ? null : expected.TlsBlock.Align > 1 ? (long)(expected.TlsBlock.VirtualAddress % (ulong)expected.TlsBlock.Align) : 0L,
                actual.TlsBlock?.FirstByteOffset);
            Assert.Equal(expected.Interpreter, actual.Interpreter);
            Assert.Equal(
                expected.VersionRequirements.Select(r => r.File + ": " + string.Join(", ", r.Versions)),
                actual.VersionRequirements.Select(r => r.File + ": " + string.Join(", ", r.Versions)));
            Assert.Equal(expected.VersionDefinitions, actual.VersionDefinitions);
            Assert.Equal(
                expected.VersionedImports.Select(i => (i.Symbol, i.Version, i.File, i.Weak)),
                actual.VersionedImports.Select(i => (i.Symbol, i.Version, i.File, i.Weak)));
            Assert.Equal(Sorted(expected.StaticTlsRelocations), Sorted(actual.StaticTlsRelocations));
            Assert.Equal(Sorted(expected.DynamicTlsRelocations), Sorted(actual.DynamicTlsRelocations));
            Assert.Equal(
                expected.StaticTlsSymbols.Select(s => (s.Name, s.DefinedHere)),
                actual.StaticTlsSymbols.Select(s => (s.Name, s.DefinedHere)));
            Assert.Equal(actual.StaticTlsRelocations.Values.Sum(), actual.StaticTlsSymbols.Sum(s => s.RelocationCount));
            Assert.Equal(actual.StaticTlsRelocations.Count > 0, actual.HasStaticTls);
            Assert.Equal(
                new[] { actual.Needed.Count, actual.Runpath.Count, actual.Rpath.Count, actual.StaticTlsSymbols.Count, actual.DefinedTlsSymbols.Count, actual.VersionRequirements.Count, actual.VersionDefinitions.Count, actual.VersionedImports.Count },
                new[] { actual.NeededTotal, actual.RunpathTotal, actual.RpathTotal, actual.StaticTlsSymbolsTotal, actual.DefinedTlsSymbolsTotal, actual.VersionRequirementsTotal, actual.VersionDefinitionsTotal, actual.VersionedImportsTotal });
        }

        [Fact]
        public void Manifest_covers_the_architectures_the_scanner_claims()
        {
            List<ManifestEntry> entries = FixtureManifest.Instance.Fixtures;
            Assert.True(entries.Count >= 150, "manifest has only " + entries.Count + " entries");
            foreach (string machine in new[] { "x86_64", "i386", "aarch64", "arm", "s390x", "riscv64", "ppc", "mips64", "sparc64" })
            {
                Assert.Contains(entries, e => e.Machine == machine);
            }

            Assert.Contains(entries, e => e.Machine == "ppc64" && e.Endianness == "little");
            Assert.Contains(entries, e => e.Machine == "ppc64" && e.Endianness == "big");
            Assert.Contains(entries, e => e.Type == "rel" && e.Member != null);
            Assert.Contains(entries, e => e.Type == "exec");
            Assert.Contains(entries, e => !e.SectionHeaders);
            Assert.Contains(entries, e => !e.SectionHeaders && e.VersionedImports.Count > 0);
            Assert.Contains(entries, e => e.VersionDefinitions.Count > 0);
            Assert.Contains(entries, e => e.Interpreter != null);
            Assert.Contains(entries, e => e.StaticTlsRelocations.Count > 0 && e.Type == "dyn");
        }

        private static List<KeyValuePair<string, int>> Sorted(IEnumerable<KeyValuePair<string, int>> counts) =>
            counts.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
    }
}
