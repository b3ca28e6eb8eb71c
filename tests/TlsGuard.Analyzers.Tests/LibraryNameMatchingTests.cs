using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
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
        await Run(Sources.DllImport(callSiteName, "#0"), new ResultsFile().Fails(fileName, "runtimes/linux-x64/native/" + fileName), Fails(callSiteName, fileName));
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
        await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName));
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
        await Run(Sources.DllImport(callSiteName, "#0"), new ResultsFile().Fails(fileName, relativePath), Fails(callSiteName, relativePath));
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
        await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName, relativePath));
    }

    [Theory]
    [InlineData("/opt/app/libfoo.so.2", "libfoo.so.2")]
    [InlineData("/usr/lib/x86_64-linux-gnu/libfoo.so", "libfoo.so.2")]
    [InlineData("/libfoo.so", "libfoo.so")]
    public async Task Rooted_path_binds_by_file_name(string callSiteName, string fileName)
    {
        await Run(Sources.DllImport(callSiteName, "TLS100"), new ResultsFile().Fails(fileName, "runtimes/linux-x64/native/" + fileName));
    }

    [Theory]
    // The runtime opens a rooted path as written: no suffix, no prefix.
    [InlineData("/opt/app/libfoo", "libfoo.so")]
    [InlineData("/opt/app/foo.so", "libfoo.so")]
    [InlineData("/opt/app/", "libfoo.so")]
    public async Task Rooted_path_does_not_get_variations(string callSiteName, string fileName)
    {
        await Run(Sources.DllImport(callSiteName), new ResultsFile().Fails(fileName));
    }

    [Theory]
    [InlineData("libfoo.so", "libfoo.so", "libfoo.so")]
    [InlineData("libfoo.so", "libfoo.so.2", "libfoo.so.2")]
    [InlineData("libfoo.so.2", "libfoo.so.2", "libfoo.so.2")]
    [InlineData("./native/libfoo.so", "libfoo.so", "native/libfoo.so")]
    [InlineData("/opt/app/libfoo.so.2", "libfoo.so.2", "runtimes/linux-x64/native/libfoo.so.2")]
    public async Task NativeLibrary_Load_by_path_binds_to_the_name_as_written(string callSiteName, string fileName, string relativePath)
    {
        await Run(Sources.LoadByPath(callSiteName, "TLS100"), new ResultsFile().Fails(fileName, relativePath));
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
        await Run(Sources.LoadByPath(callSiteName), new ResultsFile().Fails(fileName, fileOrPath));
    }

    [Fact]
    public async Task First_probed_name_wins_over_a_worse_later_one()
    {
        // "foo" is tried as foo.so before libfoo.so: the runtime loads foo.so if both exist.
        var results = new ResultsFile().Fails("libfoo.so").AtRisk("foo.so");

        await Run(Sources.DllImport("foo", "#0"), results, AtRisk("foo", "foo.so"));
    }

    [Fact]
    public async Task Exact_file_wins_over_a_versioned_one()
    {
        var results = new ResultsFile().Fails("libfoo.so.2").AtRisk("libfoo.so");

        await Run(Sources.DllImport("libfoo.so", "#0"), results, AtRisk("libfoo.so", "libfoo.so"));
    }

    [Fact]
    public async Task Same_file_for_several_runtimes_reports_the_worst_verdict()
    {
        var results = new ResultsFile()
            .AtRisk("libfoo.so", "runtimes/linux-arm64/native/libfoo.so", requiredBytes: 1400, libc: "glibc-2.32+")
            .Fails("libfoo.so", "runtimes/linux-musl-x64/native/libfoo.so", requiredBytes: 64, libc: "musl");

        await Run(
            Sources.DllImport("foo", "#0"),
            results,
            CallSiteAnalyzerTest.Diagnostic("TLS100").WithLocation(0).WithMessage(
                "'foo' binds to libfoo.so, which will fail to load on musl: needs 64 bytes of static TLS. Fix: rebuild jemalloc with --disable-initial-exec-tls."));
    }

    /// <summary>TLS100 at markup #0 with the text of a <see cref="ResultsFile.Fails"/> line left at its defaults.</summary>
    private static DiagnosticResult Fails(string callSiteName, string boundTo) =>
        CallSiteAnalyzerTest.Diagnostic("TLS100").WithLocation(0).WithMessage(
            "'" + callSiteName + "' binds to " + boundTo + ", which will fail to load on glibc: needs 2632 bytes of static TLS. Fix: rebuild jemalloc with --disable-initial-exec-tls.");

    /// <summary>TLS101 at markup #0 with the text of a <see cref="ResultsFile.AtRisk"/> line left at its defaults.</summary>
    private static DiagnosticResult AtRisk(string callSiteName, string boundTo) =>
        CallSiteAnalyzerTest.Diagnostic("TLS101").WithLocation(0).WithMessage(
            "'" + callSiteName + "' binds to " + boundTo + ", which may fail to load on glibc: needs 1400 bytes of static TLS. Fix: load it first.");

    /// <summary>Passes only if the analyzer reports exactly <paramref name="expected"/> and what the source's markup marks; no more.</summary>
    private static Task Run(string source, ResultsFile results, params DiagnosticResult[] expected) =>
        CallSiteAnalyzerTest.ForSource(source).WithResults(results).Expect(expected).RunAsync();
}
