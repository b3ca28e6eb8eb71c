using TlsGuard.Core.Files.Archives;

namespace TlsGuard.Core.Tests.Archives
{
    public sealed class ArchivePathTests
    {
        [Fact]
        public void A_root_composes_with_path_combine()
        {
            var root = ArchivePath.Root("/abs/img.tar");

            Assert.Equal("/abs/img.tar!", root);
            Assert.Equal("/abs/img.tar!/usr/lib", Path.Combine(root, "usr", "lib"));
            Assert.Equal("/abs/app.nupkg!/runtimes/linux-x64/native/libfoo.so", ArchivePath.Combine("/abs/app.nupkg", "runtimes/linux-x64/native/libfoo.so"));
        }

        [Theory]
        [InlineData("/abs/img.tar!/usr/lib/../../etc", "/abs/img.tar!/etc")]
        [InlineData("/abs/img.tar!/../../..", "/abs/img.tar!/")]
        [InlineData("/abs/img.tar!", "/abs/img.tar!/")]
        [InlineData("/abs/img.tar!/./usr//lib/", "/abs/img.tar!/usr/lib")]
        [InlineData("/abs/plain/../file.so", "/abs/plain/../file.so")]
        [InlineData("/abs/odd!name/file.so", "/abs/odd!name/file.so")]
        public void Normalising_never_leaves_the_archive(string path, string expected)
        {
            Assert.Equal(expected, ArchivePath.Normalize(path));
        }

        [Fact]
        public void Splitting_takes_the_first_separator_followed_by_a_slash()
        {
            Assert.True(ArchivePath.TrySplit("/a/b.tar!/x/y!/z", out var outer, out var inner));
            Assert.Equal("/a/b.tar", outer);
            Assert.Equal("/x/y!/z", inner);
            Assert.False(ArchivePath.TrySplit("/a/odd!name", out _, out _));
        }
    }
}
