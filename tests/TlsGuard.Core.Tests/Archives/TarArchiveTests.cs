using TlsGuard.Core.Files;
using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Discovery;
using static TlsGuard.Core.Tests.Archives.ArchiveTesting;

namespace TlsGuard.Core.Tests.Archives
{
    /// <summary>Plain and gzip tars: links, hard links and special files in the view; what a compressed tar keeps.</summary>
    public sealed class TarArchiveTests
    {
        private static GeneratedArchives Archives => GeneratedArchives.Packages;

        [Theory]
        [InlineData("libs.tar")]
        [InlineData("libs.tgz")]
        public void The_view_holds_the_members_with_links_resolved(string name)
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives[name];
            var ie = Fixture("x86_64-gcc/libie_own.so");

            Assert.Equal(
                new[] { "aarch64", "libie.so", "libie_hard.so", "libie_own.so", "pipe" }.Select(child => tar + "!/usr/lib/" + child),
                files.List(tar + "!/usr/lib", out _));
            Assert.Equal(ie, ReadAll(files, tar + "!/usr/lib/libie.so"));
            Assert.Equal(ie, ReadAll(files, tar + "!/usr/lib/libie_hard.so"));
            Assert.Equal(FileKind.Special, files.KindOf(tar + "!/usr/lib/pipe"));
            Assert.Equal("not a regular file (FIFO)", OpenError(files, tar + "!/usr/lib/pipe"));
        }

        [Theory]
        [InlineData("libs.tar")]
        [InlineData("libs.tgz")]
        public void Inputs_are_the_elf_files_once_each_under_the_name_they_were_written_with(string name)
        {
            using var files = new ArchiveFileSystem();

            var found = ArchiveInputs.Discover(files, Archives[name]);

            Assert.Equal(ArchiveKind.Tar, found.Kind);
            Assert.Null(found.Image);
            Assert.Equal(new[] { "/usr/lib/libie_own.so", "/usr/lib/aarch64/libie_own.so" }, found.Inputs.Select(Inner));
            Assert.All(found.Inputs, input => Assert.Null(input.RuntimeIdentifier));
        }

        [Fact]
        public void An_uncompressed_tar_is_read_in_place()
        {
            using var files = new ArchiveFileSystem();
            var tar = Archives["libs.tar"];

            Assert.Equal(Fixture("x86_64-gcc/libie_own.so"), ReadAll(files, tar + "!/usr/lib/libie_own.so"));
            Assert.Equal("not a library\n", System.Text.Encoding.ASCII.GetString(ReadAll(files, tar + "!/usr/share/doc/readme.txt")));
            Assert.Equal(0, files.KeptInMemoryBytes);
        }

        [Fact]
        public void A_gzip_tar_keeps_elf_files_and_passes_over_the_rest()
        {
            using var files = new ArchiveFileSystem();
            var tgz = Archives["libs.tgz"];

            Assert.Equal(FileKind.RegularFile, files.KindOf(tgz + "!/usr/share/doc/readme.txt"));
            Assert.StartsWith("not kept: only ELF files, ar archives and loader configuration", OpenError(files, tgz + "!/usr/share/doc/readme.txt"));
            Assert.Equal(Fixture("aarch64-gcc/libie_own.so"), ReadAll(files, tgz + "!/usr/lib/aarch64/libie_own.so"));
            Assert.Equal(Fixture("x86_64-gcc/libie_own.so").Length + Fixture("aarch64-gcc/libie_own.so").Length, files.KeptInMemoryBytes);
            Assert.Equal(0, files.SpilledBytes);
        }
    }
}
