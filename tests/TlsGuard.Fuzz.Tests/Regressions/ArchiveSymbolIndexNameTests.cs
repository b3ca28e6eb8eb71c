using TlsGuard.Core.Scanning;
using TlsGuard.Fuzz.Mutation;

namespace TlsGuard.Fuzz.Tests.Regressions
{
    /// <summary>
    /// Found by the LibObjectFile oracle over mutated archives (seed 8, input #1308: a member header renamed
    /// "__.SYMDEF SORTED"): the scanner passed over every member with a "__.SYMDEF" name as a BSD symbol index, so an
    /// ELF object named so anywhere in an archive was skipped silently. binutils reads the index from the first member
    /// only (`ar t` and `readelf -h` list a later "__.SYMDEF SORTED" member as an ordinary object), and so does LLVM.
    /// </summary>
    public sealed class ArchiveSymbolIndexNameTests
    {
        private static byte[] Fixture(string name) => File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc", name));

        [Fact]
        public void A_later_member_named_like_a_BSD_symbol_index_is_scanned()
        {
            byte[] archive = Archive(("ie.o/", Fixture("ie.o")), ("__.SYMDEF SORTED", Fixture("le.o")), ("gd.o/", Fixture("gd.o")));

            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(archive, "symdef.a");

            Assert.Equal(new[] { "ie.o", "__.SYMDEF SORTED", "gd.o" }, results.Select(r => r.ArchiveMember));
            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Equal(ElfScanner.Scan(Fixture("le.o"), "le.o")[0].StaticTlsRelocations, results[1].StaticTlsRelocations);
        }

        [Fact]
        public void A_BSD_long_name_member_named_like_a_symbol_index_is_scanned_when_not_first()
        {
            byte[] le = Fixture("le.o");
            byte[] named = "__.SYMDEF_64\0\0\0\0"u8.ToArray().Concat(le).ToArray();
            byte[] archive = Archive(("#1/16", named), ("#1/4", "gd.o"u8.ToArray().Concat(Fixture("gd.o")).ToArray()));

            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(archive, "bsd.a");

            Assert.Equal(new[] { "gd.o" }, results.Select(r => r.ArchiveMember));

            byte[] later = Archive(("#1/4", "gd.o"u8.ToArray().Concat(Fixture("gd.o")).ToArray()), ("#1/16", named));
            Assert.Equal(new[] { "gd.o", "__.SYMDEF_64" }, ElfScanner.Scan(later, "bsd.a").Select(r => r.ArchiveMember));
        }

        [Fact]
        public void The_first_member_named_SYMDEF_is_still_the_symbol_index()
        {
            byte[] index = new byte[8];
            byte[] archive = Archive(("__.SYMDEF SORTED", index), ("ie.o/", Fixture("ie.o")));

            Assert.Equal(new[] { "ie.o" }, ElfScanner.Scan(archive, "bsd-index.a").Select(r => r.ArchiveMember));
        }

        private static byte[] Archive(params (string RawName, byte[] Data)[] members)
        {
            var output = new MemoryStream();
            output.Write(ArArchive.Magic);
            foreach ((string rawName, byte[] data) in members)
            {
                output.Write(ArArchive.Header(rawName, data.Length));
                output.Write(data);
                if ((data.Length & 1) != 0)
                {
                    output.WriteByte((byte)'\n');
                }
            }

            return output.ToArray();
        }
    }
}
