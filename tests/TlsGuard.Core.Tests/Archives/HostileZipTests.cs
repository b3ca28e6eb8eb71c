using TlsGuard.Core.Files;
using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Discovery;
using static TlsGuard.Core.Tests.Archives.ArchiveTesting;

namespace TlsGuard.Core.Tests.Archives
{
    /// <summary>Zips that lie: each bad member is reported on its own path, the good ones are still read, memory stays flat.</summary>
    public sealed class HostileZipTests
    {
        private static GeneratedArchives Archives => GeneratedArchives.Hostile;

        [Fact]
        public void Two_members_with_one_name_are_reported_not_guessed()
        {
            using var files = new ArchiveFileSystem();
            var zip = Archives["duplicate.zip"];

            var found = ArchiveInputs.Discover(files, zip);

            var problem = Assert.Single(found.Problems);
            Assert.Equal(zip + "!/lib/libdup.so", problem.Path);
            Assert.Contains("the zip holds 2 members named lib/libdup.so", problem.Message);
            Assert.Equal(FileKind.Unreadable, files.KindOf(zip + "!/lib/libdup.so"));
            Assert.Equal(new[] { "/lib/libok.so", "/lib/libdup.so" }, found.Inputs.Select(Inner));
        }

        [Fact]
        public void A_member_inflating_past_its_declared_size_stops_one_byte_later()
        {
            using var files = new ArchiveFileSystem();
            var zip = Archives["declared-small.zip"];
            string error = "";

            long allocated = AllocatedBy(() => error = OpenError(files, zip + "!/lib/libbomb.so"));

            Assert.Equal("zip member holds more than its declared 4096 bytes", error);
            Assert.True(allocated < 256 * 1024, "inflating a 32 MiB bomb allocated " + allocated + " bytes");
            Assert.Equal(Fixture("x86_64-gcc/libgd.so"), ReadAll(files, zip + "!/lib/libok.so"));
        }

        [Theory]
        [InlineData("impossible-ratio.zip", "/lib/libratio.so", "more than deflate can produce (1032:1)")]
        [InlineData("overlap.zip", "/lib/liba.so", "its data overlaps lib/libb.so")]
        [InlineData("overlap.zip", "/lib/libb.so", "its data overlaps lib/liba.so")]
        [InlineData("local-name.zip", "/lib/libgood.so", "its local header names 'lib/libevil.so'")]
        [InlineData("unsupported-method.zip", "/lib/libbz.so", "zip compression method 12 is not supported")]
        public void Members_that_cannot_be_trusted_are_refused_before_any_data_is_read(string name, string member, string message)
        {
            using var files = new ArchiveFileSystem();
            var zip = Archives[name];

            var found = ArchiveInputs.Discover(files, zip);
            string error = "";
            long allocated = AllocatedBy(() => error = OpenError(files, zip + "!" + member));

            Assert.Contains(message, error);
            Assert.Contains(found.Problems, problem => problem.Path == zip + "!" + member && problem.Message == error);
            Assert.Contains(found.Inputs, input => input.Path == zip + "!" + member);
            Assert.True(allocated < 64 * 1024, "refusing allocated " + allocated + " bytes");
        }

        [Fact]
        public void A_zip64_directory_of_seventy_thousand_members_is_read()
        {
            using var files = new ArchiveFileSystem();
            var zip = Archives["zip64-many.zip"];

            var found = ArchiveInputs.Discover(files, zip);

            Assert.Equal(new[] { zip + "!/lib/libgd.so" }, found.Inputs.Select(input => input.Path));
            Assert.Equal(70000, files.List(zip + "!/data", out _).Count);
        }

        [Fact]
        public void A_zip_declaring_more_members_than_the_limit_is_refused()
        {
            using var files = new ArchiveFileSystem(new ArchiveLimits { MaxEntries = 1000 });

            var found = ArchiveInputs.Discover(files, Archives["zip64-many.zip"]);

            Assert.True(found.Unreadable);
            Assert.Equal("the zip declares 70001 members, more than the 1000 allowed", found.Problems.Single().Message);
        }

        [Fact]
        public void A_zip_without_a_directory_is_unreadable_as_a_whole()
        {
            using var files = new ArchiveFileSystem();
            using var folder = new TempDirectory("archives");
            var truncated = folder.Combine("no-directory.zip");
            var whole = File.ReadAllBytes(Archives["duplicate.zip"]);
            File.WriteAllBytes(truncated, whole.Take(whole.Length / 2).ToArray());

            var found = ArchiveInputs.Discover(files, truncated);

            Assert.True(found.Unreadable);
            Assert.Equal(truncated, Assert.Single(found.Inputs).Path);
            Assert.Contains("no zip end-of-central-directory record", OpenError(files, truncated));
        }
    }
}
