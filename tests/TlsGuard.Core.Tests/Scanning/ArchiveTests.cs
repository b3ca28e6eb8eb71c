using System.Text;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>Archive walking: member naming, and headers that lie about sizes or names.</summary>
    public sealed class ArchiveTests
    {
        private static readonly byte[] Elf = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/ie.o"));

        [Fact]
        public void Members_are_reported_in_archive_order_with_their_names()
        {
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(RepositoryRoot.Fixture("x86_64-gcc/libtlsobjs.a"));

            Assert.Equal(new[] { "ie.o", "le.o", "gd.o" }, results.Select(r => r.ArchiveMember));
            Assert.All(results, r => Assert.Equal(ElfType.Relocatable, r.FileType));
            Assert.Equal("x86_64-gcc/libtlsobjs.a(ie.o)", Path.GetRelativePath(RepositoryRoot.FixtureElf, results[0].DisplayPath));
        }

        [Fact]
        public void Gnu_long_names_and_bsd_names_resolve()
        {
            string longName = "a_member_name_longer_than_sixteen.o";
            byte[] gnu = Archive(Header("//", longName.Length + 2), Encoding.ASCII.GetBytes(longName + "/\n"), Header("/0", Elf.Length), Elf);
            byte[] bsd = Archive(Header("#1/" + longName.Length, longName.Length + Elf.Length), Encoding.ASCII.GetBytes(longName).Concat(Elf).ToArray());

            Assert.Equal(longName, Assert.Single(ElfScanner.Scan(gnu, "gnu.a")).ArchiveMember);
            ElfScanResult bsdMember = Assert.Single(ElfScanner.Scan(bsd, "bsd.a"));
            Assert.Equal(longName, bsdMember.ArchiveMember);
            Assert.Null(bsdMember.Error);
            Assert.Equal(2, bsdMember.StaticTlsRelocations["R_X86_64_GOTTPOFF"]);
        }

        [Theory]
        [InlineData("9999999999", "archive member size field is invalid or runs past the end of the file")]
        [InlineData("12x4      ", "archive member size field is invalid or runs past the end of the file")]
        [InlineData("          ", "archive member size field is invalid or runs past the end of the file")]
        public void Lying_size_fields_end_the_walk_with_an_error(string sizeField, string reason)
        {
            byte[] header = Header("ie.o/", Elf.Length);
            Encoding.ASCII.GetBytes(sizeField).CopyTo(header, 48);

            ElfScanResult result = Assert.Single(ElfScanner.Scan(Archive(header, Elf), "lies.a"));

            Assert.Equal(reason, result.Error);
        }

        [Fact]
        public void Bad_header_terminator_long_name_without_table_and_oversized_bsd_name_are_errors()
        {
            byte[] badTerminator = Header("ie.o/", Elf.Length);
            badTerminator[58] = (byte)'x';

            Assert.Equal("bad archive member header", Assert.Single(ElfScanner.Scan(Archive(badTerminator, Elf), "a.a")).Error);
            Assert.Equal(
                "archive long name reference /999 has no entry in the // table",
                Assert.Single(ElfScanner.Scan(Archive(Header("/999", Elf.Length), Elf), "b.a")).Error);
            Assert.Equal(
                "BSD archive member name length is invalid",
                Assert.Single(ElfScanner.Scan(Archive(Header("#1/99999", Elf.Length), Elf), "c.a")).Error);
        }

        [Fact]
        public void Symbol_index_pointing_past_the_end_is_reported()
        {
            byte[] index = { 0, 0, 0, 1, 0, 0x10, 0, 0 };
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(Archive(Header("/", index.Length), index, Header("ie.o/", Elf.Length), Elf), "cut.a");

            Assert.Equal(2, results.Count);
            Assert.Null(results[0].Error);
            Assert.Equal("archive symbol index points past the end of the file (offset 1048576): the archive is truncated", results[1].Error);
        }

        [Fact]
        public void Thousands_of_empty_members_are_one_result_within_a_small_allocation()
        {
            var parts = new List<byte[]>();
            for (int i = 0; i < 20000; i++)
            {
                parts.Add(Header("e" + i + ".o/", 0));
            }

            byte[] archive = Archive(parts.ToArray());
            long before = GC.GetAllocatedBytesForCurrentThread();
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(archive, "empty-members.a");
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal("ar archive without ELF members: 20000 member(s) of no object format", Assert.Single(results).Error);
            Assert.True(allocated < 8 * 1024 * 1024, "allocated " + allocated + " bytes");
        }

        [Fact]
        public void Bitcode_member_is_reported_and_text_member_is_passed_over()
        {
            byte[] bitcode = { (byte)'B', (byte)'C', 0xc0, 0xde, 1, 2, 3, 4 };
            byte[] text = Encoding.ASCII.GetBytes("hello\n");
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(
                Archive(Header("lto.o/", bitcode.Length), bitcode, Header("README/", text.Length), text, Header("ie.o/", Elf.Length), Elf),
                "mixed.a");

            Assert.Equal(new[] { "lto.o", "ie.o" }, results.Select(r => r.ArchiveMember));
            Assert.Equal("LLVM bitcode (LTO object): its TLS model is only chosen at link time", results[0].Error);
            Assert.Null(results[1].Error);
        }

        [Fact]
        public void Thin_archive_is_not_scanned()
        {
            byte[] thin = Encoding.ASCII.GetBytes("!<thin>\n");

            Assert.Equal("thin archive: its members are separate files", Assert.Single(ElfScanner.Scan(thin, "thin.a")).Error);
        }

        /// <summary>A 60-byte ar header: name(16) date(12) uid(6) gid(6) mode(8) size(10) "`\n".</summary>
        private static byte[] Header(string name, int size) =>
            Encoding.ASCII.GetBytes(name.PadRight(16) + "0".PadRight(12) + "0".PadRight(6) + "0".PadRight(6) + "644".PadRight(8) + size.ToString().PadRight(10) + "`\n");

        private static byte[] Archive(params byte[][] parts)
        {
            var bytes = new List<byte>(Encoding.ASCII.GetBytes("!<arch>\n"));
            foreach (byte[] part in parts)
            {
                bytes.AddRange(part);
                if (part.Length % 2 == 1 && part.Length != 60)
                {
                    bytes.Add((byte)'\n');
                }
            }

            return bytes.ToArray();
        }
    }
}
