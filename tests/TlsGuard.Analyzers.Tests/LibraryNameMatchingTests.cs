using System.Threading.Tasks;
using TlsGuard.Analyzers.Tests.Infrastructure;

namespace TlsGuard.Analyzers.Tests;

/// <summary>
/// Which call-site names bind to which flagged files (rules in docs/rules/TLS100.md). Each row compiles a consumer
/// and runs the analyzer, so the rows test the whole path from attribute to diagnostic.
/// </summary>
public sealed class LibraryNameMatchingTests
{
    [Theory]
    // The runtime's four variations of a plain name: name.so, libname.so, name, libname.
    [InlineData("foo", "libfoo.so")]
    [InlineData("foo", "foo.so")]
    [InlineData("foo", "foo")]
    [InlineData("foo", "libfoo")]
    // Versioned files behind those names (the development or soname link points at them).
    [InlineData("foo", "libfoo.so.2")]
    [InlineData("foo", "libfoo.so.2.1")]
    [InlineData("foo", "foo.so.1")]
    [InlineData("jemalloc", "libjemalloc.so.2")]
    [InlineData("libfoo", "libfoo.so")]
    [InlineData("libfoo", "libfoo")]
    [InlineData("libfoo", "libfoo.so.2")]
    // A name that already carries ".so" is tried as written and with the prefix.
    [InlineData("libfoo.so", "libfoo.so")]
    [InlineData("libfoo.so", "libfoo.so.2")]
    [InlineData("libfoo.so", "libfoo.so.2.1")]
    [InlineData("foo.so", "libfoo.so")]
    [InlineData("foo.so", "libfoo.so.2")]
    [InlineData("libfoo.so.2", "libfoo.so.2")]
    [InlineData("libfoo.so.2", "libfoo.so.2.1")]
    [InlineData("foo.so.2", "libfoo.so.2")]
    public async Task Bare_name_binds_to_file(string callSiteName, string fileName)
    {
        var diagnostics = await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName, "runtimes/linux-x64/native/" + fileName));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TLS100", diagnostic.Id);
        Assert.Contains("'" + callSiteName + "' binds to " + fileName + ",", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("foobar", "libfoo.so")]
    [InlineData("libfoo2", "libfoo.so")]
    [InlineData("libfoo2", "libfoo.so.2")]
    [InlineData("food", "libfoo.so")]
    [InlineData("oo", "libfoo.so")]
    [InlineData("fo", "libfoo.so")]
    [InlineData("foo", "libfoobar.so")]
    [InlineData("foo", "libfoo2.so")]
    // Linux file names are case-sensitive, and so is the loader.
    [InlineData("Foo", "libfoo.so")]
    [InlineData("FOO", "libfoo.so.2")]
    [InlineData("libFoo.so", "libfoo.so")]
    [InlineData("foo", "libFoo.so")]
    // The runtime adds "lib"; it never removes it.
    [InlineData("libfoo", "foo.so")]
    // A version is only ever more specific: the soname link libfoo.so.2 does not lead to libfoo.so or libfoo.so.3.
    [InlineData("libfoo.so.2", "libfoo.so")]
    [InlineData("libfoo.so.2", "libfoo.so.3")]
    [InlineData("libfoo.so.2", "libfoo.so.20")]
    [InlineData("libfoo.so.2.1", "libfoo.so.2")]
    // Not version suffixes.
    [InlineData("foo", "libfoo.so.bak")]
    [InlineData("foo", "libfoo.so2")]
    [InlineData("foo", "libfoo.so.2a")]
    // On Linux the runtime neither strips ".dll" nor trims spaces.
    [InlineData("foo.dll", "libfoo.so")]
    [InlineData(" foo", "libfoo.so")]
    [InlineData("foo ", "libfoo.so")]
    public async Task Bare_name_does_not_bind_to_file(string callSiteName, string fileName)
    {
        var diagnostics = await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("./native/libfoo.so", "native/libfoo.so")]
    [InlineData("native/libfoo.so", "native/libfoo.so")]
    [InlineData("././native/libfoo.so", "native/libfoo.so")]
    [InlineData("./libfoo.so", "libfoo.so")]
    [InlineData("runtimes/linux-x64/native/libfoo.so", "runtimes/linux-x64/native/libfoo.so")]
    // The runtime appends ".so" to a path, and the versioned file stands behind it.
    [InlineData("native/libfoo", "native/libfoo.so")]
    [InlineData("native/libfoo.so", "native/libfoo.so.2")]
    [InlineData("native/libfoo", "native/libfoo.so.2")]
    public async Task Relative_path_binds_to_the_file_at_that_relative_path(string callSiteName, string relativePath)
    {
        var fileName = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
        var diagnostics = await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName, relativePath));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains("binds to " + relativePath + ",", diagnostic.GetMessage());
    }

    [Theory]
    // A folder in the name stops the "lib" prefix.
    [InlineData("native/foo", "native/libfoo.so")]
    [InlineData("runtimes/linux-musl-x64/native/libfoo.so", "runtimes/linux-x64/native/libfoo.so")]
    [InlineData("./libfoo.so", "runtimes/linux-x64/native/libfoo.so")]
    [InlineData("native/libfoo.so", "other/native/libfoo.so")]
    [InlineData("native/libfoo.so", "libfoo.so")]
    [InlineData("Native/libfoo.so", "native/libfoo.so")]
    [InlineData("native/", "native/libfoo.so")]
    [InlineData("native\\libfoo.so", "native/libfoo.so")]
    public async Task Relative_path_does_not_bind_to_a_file_elsewhere(string callSiteName, string relativePath)
    {
        var fileName = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
        var diagnostics = await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName, relativePath));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("/opt/app/libfoo.so.2", "libfoo.so.2")]
    [InlineData("/usr/lib/x86_64-linux-gnu/libfoo.so", "libfoo.so.2")]
    [InlineData("/libfoo.so", "libfoo.so")]
    public async Task Rooted_path_binds_by_file_name(string callSiteName, string fileName)
    {
        var diagnostics = await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName, "runtimes/linux-x64/native/" + fileName));

        Assert.Equal("TLS100", Assert.Single(diagnostics).Id);
    }

    [Theory]
    // The runtime opens a rooted path as written: no suffix, no prefix.
    [InlineData("/opt/app/libfoo", "libfoo.so")]
    [InlineData("/opt/app/foo.so", "libfoo.so")]
    [InlineData("/opt/app/", "libfoo.so")]
    public async Task Rooted_path_does_not_get_variations(string callSiteName, string fileName)
    {
        var diagnostics = await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("libfoo.so", "libfoo.so", "libfoo.so")]
    [InlineData("libfoo.so", "libfoo.so.2", "libfoo.so.2")]
    [InlineData("libfoo.so.2", "libfoo.so.2", "libfoo.so.2")]
    [InlineData("./native/libfoo.so", "libfoo.so", "native/libfoo.so")]
    [InlineData("/opt/app/libfoo.so.2", "libfoo.so.2", "runtimes/linux-x64/native/libfoo.so.2")]
    public async Task NativeLibrary_Load_by_path_binds_to_the_name_as_written(string callSiteName, string fileName, string relativePath)
    {
        var diagnostics = await Run(Sources.LoadByPath(callSiteName), new ResultsFile().Fails(fileName, relativePath));

        Assert.Equal("TLS100", Assert.Single(diagnostics).Id);
    }

    [Theory]
    // Load(string) calls dlopen with the name unchanged, so none of the runtime's variations apply.
    [InlineData("foo", "libfoo.so")]
    [InlineData("libfoo", "libfoo.so")]
    [InlineData("foo.so", "libfoo.so")]
    [InlineData("jemalloc", "libjemalloc.so.2")]
    [InlineData("native/libfoo", "native/libfoo.so")]
    public async Task NativeLibrary_Load_by_path_gets_no_variations(string callSiteName, string fileOrPath)
    {
        var fileName = fileOrPath.Substring(fileOrPath.LastIndexOf('/') + 1);
        var diagnostics = await Run(Sources.LoadByPath(callSiteName), new ResultsFile().Fails(fileName, fileOrPath));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task First_probed_name_wins_over_a_worse_later_one()
    {
        // "foo" is tried as foo.so before libfoo.so: the runtime loads foo.so if both exist.
        var results = new ResultsFile().Fails("libfoo.so").AtRisk("foo.so");

        var diagnostic = Assert.Single(await Run(Sources.DllImport("foo"), results));

        Assert.Equal("TLS101", diagnostic.Id);
        Assert.Contains("binds to foo.so,", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Exact_file_wins_over_a_versioned_one()
    {
        var results = new ResultsFile().Fails("libfoo.so.2").AtRisk("libfoo.so");

        var diagnostic = Assert.Single(await Run(Sources.DllImport("libfoo.so"), results));

        Assert.Equal("TLS101", diagnostic.Id);
        Assert.Contains("binds to libfoo.so,", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Same_file_for_several_runtimes_reports_the_worst_verdict()
    {
        var results = new ResultsFile()
            .AtRisk("libfoo.so", "runtimes/linux-arm64/native/libfoo.so", requiredBytes: 1400, libc: "glibc-2.32+")
            .Fails("libfoo.so", "runtimes/linux-musl-x64/native/libfoo.so", requiredBytes: 64, libc: "musl");

        var diagnostic = Assert.Single(await Run(Sources.DllImport("foo"), results));

        Assert.Equal("TLS100", diagnostic.Id);
        Assert.Contains("will fail to load on musl: needs 64 bytes of static TLS", diagnostic.GetMessage());
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Run(string source, ResultsFile results) =>
        AnalyzerRun.ForSource(source).WithResults(results).RunAsync();
}
