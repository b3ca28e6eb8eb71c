using TlsGuard.Core.Files;
using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Discovery;
using static TlsGuard.Core.Tests.Archives.ArchiveTesting;

namespace TlsGuard.Core.Tests.Archives
{
    /// <summary>Tars that escape, loop, end early or lie about sizes: confined, bounded and reported.</summary>
    public sealed class HostileTarTests
    {
        private static GeneratedArchives Archives => GeneratedArchives.Hostile;

        [Fact]
        public void Dot_dot_and_absolute_member_names_stay_inside_the_view()
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives["traversal.tar"];

            var found = ArchiveInputs.Discover(files, tar);

            Assert.Equal(new[] { "/dotdot.so", "/escape.so", "/abs/absolute.so", "/opt/target.so" }, found.Inputs.Select(Inner));
            Assert.False(File.Exists(Path.Combine(Archives.Folder, "..", "escape.so")));
        }

        [Fact]
        public void Links_pointing_out_of_the_archive_resolve_at_its_root()
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives["traversal.tar"];
            var target = Fixture("x86_64-gcc/libdesc.so");

            Assert.True(File.Exists("/etc/passwd"));
            Assert.Equal(FileKind.Missing, files.KindOf(tar + "!/etc-link/passwd"));
            Assert.Equal(target, ReadAll(files, tar + "!/usr/lib/abs-link.so"));
            Assert.Equal(target, ReadAll(files, tar + "!/usr/lib/up-link.so"));
        }

        [Theory]
        [InlineData("/a")]
        [InlineData("/self")]
        [InlineData("/dir/loop")]
        [InlineData("/l0")]
        public void Link_loops_and_chains_longer_than_forty_are_eloop(string path)
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives["loops.tar"];

            Assert.Equal(FileKind.Unreadable, files.KindOf(tar + "!" + path));
            Assert.StartsWith("too many levels of symbolic links (more than 40)", OpenError(files, tar + "!" + path));
        }

        [Fact]
        public void A_chain_of_exactly_forty_links_resolves()
        {
            using var files = new ArchiveFileSystem();

            Assert.Equal(Fixture("x86_64-gcc/libgd.so"), ReadAll(files, Archives["loops.tar"] + "!/m0"));
        }

        [Fact]
        public void A_truncated_stream_keeps_what_came_before_and_reports_the_rest()
        {
            using var files = new ArchiveFileSystem();
            var tgz = Archives["truncated.tgz"];

            var found = ArchiveInputs.Discover(files, tgz);

            Assert.Equal(Fixture("x86_64-gcc/libie_own.so"), ReadAll(files, tgz + "!/usr/lib/libie_own.so"));
            Assert.Contains("the tar data ends inside usr/lib/libjemalloc.so.2 (truncated)", OpenError(files, tgz + "!/usr/lib/libjemalloc.so.2"));
            Assert.Equal(FileKind.Missing, files.KindOf(tgz + "!/usr/lib/after.so"));
            Assert.Contains(found.Problems, problem => problem.Path == tgz && problem.Message.Contains("truncated"));
            Assert.Equal(new[] { tgz + "!/usr/lib/libie_own.so", tgz + "!/usr/lib/libjemalloc.so.2", tgz }, found.Inputs.Select(input => input.Path));
        }

        [Theory]
        [InlineData("corrupt.tgz")]
        [InlineData("bad-checksum.tar")]
        public void Corrupt_data_is_an_archive_problem(string name)
        {
            using var files = new ArchiveFileSystem();
            var archive = Archives[name];

            var found = ArchiveInputs.Discover(files, archive);

            var problem = Assert.Single(found.Problems, p => p.Path == archive);
            Assert.False(string.IsNullOrEmpty(problem.Message));
            Assert.Equal(problem.Message, OpenError(files, archive));
            Assert.False(found.Unreadable);
        }

        [Fact]
        public void A_bad_checksum_stops_at_the_broken_header()
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives["bad-checksum.tar"];

            var found = ArchiveInputs.Discover(files, tar);

            Assert.Contains("tar header checksum mismatch at offset", found.Problems.Single().Message);
            Assert.Equal(new[] { tar + "!/usr/lib/libgd.so", tar }, found.Inputs.Select(input => input.Path));
        }

        [Theory]
        [InlineData("absurd.tar", "truncated: the archive ends inside this file (1099511627776 bytes declared)")]
        [InlineData("absurd.tgz", "not kept: 1099511627776 bytes is more than the 4294967296 bytes a file read from an archive may have")]
        public void A_member_declaring_a_terabyte_costs_nothing(string name, string message)
        {
            using var files = new ArchiveFileSystem();
            var archive = Archives[name];
            ArchiveDiscovery? found = null;

            long allocated = AllocatedBy(() => found = ArchiveInputs.Discover(files, archive));

            Assert.Equal(message, OpenError(files, archive + "!/usr/lib/huge.so"));
            Assert.Contains(found!.Problems, problem => problem.Path == archive + "!/usr/lib/huge.so");
            Assert.True(allocated < 512 * 1024, "reading allocated " + allocated + " bytes");
        }

        [Fact]
        public void An_image_reports_the_layers_it_cannot_read()
        {
            using var files = new ArchiveFileSystem();
            var image = Archives["broken-image.tar"];

            var found = ArchiveInputs.Discover(files, image);

            Assert.Equal(ArchiveKind.ContainerImage, found.Kind);
            Assert.Equal(new[] { image + "!/usr/lib/libgd.so", image }, found.Inputs.Select(input => input.Path));
            var message = found.Problems.Single().Message;
            Assert.Contains("layer missing/layer.tar is not in the archive", message);
            Assert.Contains("layer junk/layer.tar is not in the archive, or is not a tar layer", message);
            Assert.Contains("layer zstd/layer.tar: zstd-compressed layer: not supported", message);
        }

        [Theory]
        [InlineData("long-names-gnu.tar")]
        [InlineData("long-names-pax.tgz")]
        public void Names_longer_than_ustar_holds_come_from_gnu_and_pax_records(string name)
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives[name];
            var deep = "/usr/lib/" + string.Concat(Enumerable.Repeat("deep-folder-name/", 8)) + "libie_deep.so";

            var found = ArchiveInputs.Discover(files, tar);

            Assert.Equal(tar + "!" + deep, Assert.Single(found.Inputs).Path);
            Assert.Equal(Fixture("x86_64-gcc/libie_own.so"), ReadAll(files, tar + "!/usr/lib/libie_link.so"));
        }

        [Fact]
        public void A_tar_with_some_other_manifest_json_is_no_image()
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives["not-an-image.tar"];

            var found = ArchiveInputs.Discover(files, tar);

            Assert.Equal(ArchiveKind.Tar, found.Kind);
            Assert.Equal(new[] { tar + "!/usr/lib/libgd.so" }, found.Inputs.Select(input => input.Path));
        }

        [Fact]
        public void The_later_of_two_tar_entries_for_one_path_wins()
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives["duplicate.tar"];

            var found = ArchiveInputs.Discover(files, tar);

            Assert.Equal(Fixture("x86_64-gcc/libie_own.so"), ReadAll(files, Assert.Single(found.Inputs).Path));
            Assert.Empty(found.Problems);
        }

        [Fact]
        public void An_xz_tarball_is_reported_as_unsupported()
        {
            using var files = new ArchiveFileSystem();
            var xz = Archives["libs.tar.xz"];

            var found = ArchiveInputs.Discover(files, xz);

            Assert.Equal(ArchiveFormat.Unsupported, ArchiveFormats.Detect(DiskFileSystem.Instance, xz));
            Assert.True(found.Unreadable);
            Assert.Equal("xz-compressed archive: not supported; decompress it first", found.Problems.Single().Message);
        }

        [Fact]
        public void A_gzip_stream_that_is_not_a_tar_is_unreadable()
        {
            using var files = new ArchiveFileSystem();

            var found = ArchiveInputs.Discover(files, Archives["not-gzip-inside.tgz"]);

            Assert.True(found.Unreadable);
            Assert.Contains("not tar data", found.Problems.Single().Message);
        }

        [Fact]
        public void Entries_beyond_the_limit_are_reported_not_read()
        {
            using var files = new ArchiveFileSystem(new ArchiveLimits { MaxEntries = 3 });

            var found = ArchiveInputs.Discover(files, Archives["traversal.tar"]);

            Assert.Equal(3, found.Inputs.Count - 1);
            Assert.Equal("more than 3 entries; the rest is not read", found.Problems.Single().Message);
        }
    }
}
