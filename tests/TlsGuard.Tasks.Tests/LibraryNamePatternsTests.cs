namespace TlsGuard.Tasks.Tests
{
    public class LibraryNamePatternsTests
    {
        [Theory]
        [InlineData("libjemalloc.so*", "libjemalloc.so.2", true)]
        [InlineData("libjemalloc.so*", "libjemalloc.so", true)]
        [InlineData("libjemalloc.so*", "libjemalloc_pic.so", false)]
        [InlineData("lib?.so", "liba.so", true)]
        [InlineData("lib?.so", "libab.so", false)]
        [InlineData("LIBFOO.SO", "libfoo.so", true)]
        [InlineData("libfoo.so", "xlibfoo.so", false)]
        [InlineData("lib(x).so", "lib(x).so", true)]
        [InlineData("lib[ab].so", "liba.so", false)]
        [InlineData(" libfoo.so ; libbar.so ", "libbar.so", true)]
        [InlineData("a.so;;b.so", "b.so", true)]
        public void Matches_file_names_with_wildcards(string list, string fileName, bool expected)
        {
            Assert.Equal(expected, new LibraryNamePatterns(list).Matches(fileName));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(" ; ")]
        public void An_empty_list_matches_nothing(string? list)
        {
            var patterns = new LibraryNamePatterns(list);
            Assert.True(patterns.IsEmpty);
            Assert.False(patterns.Matches("libfoo.so"));
        }
    }
}
