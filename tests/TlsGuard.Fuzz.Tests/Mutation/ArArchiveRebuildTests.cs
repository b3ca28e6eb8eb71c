using TlsGuard.Core.Scanning;
using TlsGuard.Fuzz.Harness;
using TlsGuard.Fuzz.Mutation;

namespace TlsGuard.Fuzz.Tests.Mutation
{
    /// <summary>
    /// The archive rebuilds the mutators start from must be archives binutils would read the same way, or mutations
    /// of them test nothing: every naming scheme must give the scanner the original members' facts.
    /// </summary>
    public sealed class ArArchiveRebuildTests
    {
        private static readonly string[] LongNames = { "a_member_name_longer_than_fifteen.o", "short.o", "another/with/slashes-and-a-long-name.o" };

        [Theory]
        [InlineData("x86_64-gcc/libtlsobjs.a")]
        [InlineData("ppc64-gcc/libtlsobjs.a")]
        [InlineData("arm-gcc/libtlsobjs.a")]
        public void Gnu_and_bsd_rebuilds_keep_every_member_and_its_facts(string fixture)
        {
            byte[] original = File.ReadAllBytes(RepositoryRoot.Fixture(fixture));
            List<(string Name, byte[] Data)> members = ArArchive.ElfMembers(original);
            var renamed = members.Select((m, i) => (LongNames[i % LongNames.Length] + i, m.Data)).ToList();
            string[] expectedFacts = ElfScanner.Scan(original, "x").Select(Facts).ToArray();

            foreach (byte[] rebuilt in new[] { ArArchive.WriteGnu(renamed, symbolIndex: true), ArArchive.WriteGnu(renamed, symbolIndex: false), ArArchive.WriteBsd(renamed) })
            {
                IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(rebuilt, "x");
                Assert.Equal(renamed.Select(m => m.Item1), results.Select(r => r.ArchiveMember));
                Assert.Equal(expectedFacts, results.Select(Facts));
            }
        }

        [Fact]
        public void A_thin_rebuild_is_reported_as_a_thin_archive()
        {
            byte[] thin = ArArchive.WriteThin(new[] { ("ie.o", new byte[10]) });

            Assert.Equal("thin archive: its members are separate files", ElfScanner.Scan(thin, "x").Single().Error);
        }

        /// <summary>Everything but the path and member name.</summary>
        private static string Facts(ElfScanResult r) => ResultText.Of(r).Substring(r.DisplayPath.Length);
    }
}
