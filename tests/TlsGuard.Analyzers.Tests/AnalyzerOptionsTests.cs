using System.Threading.Tasks;
using TlsGuard.Analyzers.Tests.Infrastructure;

namespace TlsGuard.Analyzers.Tests;

/// <summary>How the analyzer finds its input and honours TlsGuardEnabled.</summary>
public sealed class AnalyzerOptionsTests
{
    private static readonly string Source = Sources.DllImport("jemalloc");
    private static readonly ResultsFile Jemalloc = new ResultsFile().Fails("libjemalloc.so.2");

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData(" false ")]
    public async Task TlsGuardEnabled_false_silences_the_analyzer(string value)
    {
        var run = AnalyzerRun.ForSource(Source).WithResults(Jemalloc).WithBuildProperty("TlsGuardEnabled", value);

        Assert.Empty(await run.RunAsync());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    public async Task TlsGuardEnabled_other_values_keep_it_on(string value)
    {
        var run = AnalyzerRun.ForSource(Source).WithResults(Jemalloc).WithBuildProperty("TlsGuardEnabled", value);

        Assert.Single(await run.RunAsync());
    }

    [Fact]
    public async Task TlsGuardEnabled_absent_keeps_it_on()
    {
        Assert.Single(await AnalyzerRun.ForSource(Source).WithResults(Jemalloc).RunAsync());
    }

    [Fact]
    public async Task No_results_file_means_no_diagnostics()
    {
        Assert.Empty(await AnalyzerRun.ForSource(Source).RunAsync());
    }

    [Fact]
    public async Task Tagged_file_is_read_whatever_its_name()
    {
        var run = AnalyzerRun.ForSource(Source).WithResults(Jemalloc.ToString(), "/repo/app/obj/custom-scan.txt");

        Assert.Single(await run.RunAsync());
    }

    [Fact]
    public async Task Untagged_file_with_the_build_file_name_is_the_fallback()
    {
        var run = AnalyzerRun.ForSource(Source).WithResults(Jemalloc.ToString(), ResultsFile.DefaultPath, tagged: false);

        Assert.Single(await run.RunAsync());
    }

    [Fact]
    public async Task Untagged_file_with_another_name_is_not_read()
    {
        var run = AnalyzerRun.ForSource(Source).WithResults(Jemalloc.ToString(), "/repo/app/notes.tsv", tagged: false);

        Assert.Empty(await run.RunAsync());
    }

    [Fact]
    public async Task Tagged_file_wins_over_an_untagged_file_with_the_build_file_name()
    {
        var run = AnalyzerRun.ForSource(Source)
            .WithResults(new ResultsFile().AtRisk("libjemalloc.so.2").ToString(), "/repo/app/obj/scan/results.tsv")
            .WithResults(Jemalloc.ToString(), "/repo/other/obj/TlsGuard.libraries.tsv", tagged: false);

        Assert.Equal("TLS101", Assert.Single(await run.RunAsync()).Id);
    }

    [Fact]
    public async Task Several_tagged_files_are_merged()
    {
        const string source = """
            using System.Runtime.InteropServices;

            static class Native
            {
                [DllImport("jemalloc")] public static extern nint je_malloc(nuint size);
                [DllImport("mimalloc")] public static extern nint mi_malloc(nuint size);
            }
            """;
        var run = AnalyzerRun.ForSource(source)
            .WithResults(Jemalloc.ToString(), "/repo/app/obj/a/TlsGuard.libraries.tsv")
            .WithResults(new ResultsFile().AtRisk("libmimalloc.so.2").ToString(), "/repo/app/obj/b/TlsGuard.libraries.tsv");

        var diagnostics = await run.RunAsync();

        Assert.Equal(["TLS100", "TLS101"], System.Linq.Enumerable.Select(diagnostics, d => d.Id));
    }
}
