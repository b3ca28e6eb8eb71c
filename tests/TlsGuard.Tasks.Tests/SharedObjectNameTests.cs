namespace TlsGuard.Tasks.Tests
{
    public class SharedObjectNameTests
    {
        [Theory]
        [InlineData("libfoo.so", true)]
        [InlineData("libfoo.so.1", true)]
        [InlineData("libjemalloc.so.2", true)]
        [InlineData("libfoo.so.1.2.3", true)]
        [InlineData("libfoo.so.txt", false)]
        [InlineData("libfoo.so.", false)]
        [InlineData("libfoo.sonic", false)]
        [InlineData(".so", false)]
        [InlineData("libfoo.dll", false)]
        [InlineData("libfoo.dylib", false)]
        [InlineData("libfoo.SO", false)]
        [InlineData("apphost", false)]
        public void Recognises_loader_file_names(string fileName, bool expected)
        {
            Assert.Equal(expected, SharedObjectName.IsMatch(fileName));
        }
    }
}
