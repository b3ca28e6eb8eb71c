using System.Threading.Tasks;
using TlsGuard.Analyzers.Tests.Infrastructure;

namespace TlsGuard.Analyzers.Tests;

/// <summary>How the analyzer finds its input and honours TlsGuardEnabled.</summary>
public sealed class AnalyzerOptionsTests
{
    private static readonly string Silent = Sources.DllImport("jemalloc");
    private static readonly string Reported = Sources.DllImport("jemalloc", "TLS100");
    private static readonly ResultsFile Jemalloc = new ResultsFile().Fails("libjemalloc.so.2");

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData(" false ")]
    public async Task TlsGuardEnabled_false_silences_the_analyzer(string value)
    {
        await CallSiteAnalyzerTest.ForSource(Silent).WithResults(Jemalloc).WithBuildProperty("TlsGuardEnabled", value).RunAsync();
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    public async Task TlsGuardEnabled_other_values_keep_it_on(string value)
    {
        await CallSiteAnalyzerTest.ForSource(Reported).WithResults(Jemalloc).WithBuildProperty("TlsGuardEnabled", value).RunAsync();
    }

    [Fact]
    public async Task TlsGuardEnabled_absent_keeps_it_on()
    {
        await CallSiteAnalyzerTest.ForSource(Reported).WithResults(Jemalloc).RunAsync();
    }

    [Fact]
    public async Task No_results_file_means_no_diagnostics()
    {
        await CallSiteAnalyzerTest.ForSource(Silent).RunAsync();
    }

    [Fact]
    public async Task Tagged_file_is_read_whatever_its_name()
    {
        await CallSiteAnalyzerTest.ForSource(Reported).WithResults(Jemalloc.ToString(), "/repo/app/obj/custom-scan.txt").RunAsync();
    }

    [Fact]
    public async Task Untagged_file_with_the_build_file_name_is_the_fallback()
    {
        await CallSiteAnalyzerTest.ForSource(Reported).WithResults(Jemalloc.ToString(), ResultsFile.DefaultPath, tagged: false).RunAsync();
    }

    [Fact]
    public async Task Untagged_file_with_another_name_is_not_read()
    {
        await CallSiteAnalyzerTest.ForSource(Silent).WithResults(Jemalloc.ToString(), "/repo/app/notes.tsv", tagged: false).RunAsync();
    }

    [Fact]
    public async Task Tagged_file_wins_over_an_untagged_file_with_the_build_file_name()
    {
        await CallSiteAnalyzerTest.ForSource(Sources.DllImport("jemalloc", "TLS101"))
            .WithResults(new ResultsFile().AtRisk("libjemalloc.so.2").ToString(), "/repo/app/obj/scan/results.tsv")
            .WithResults(Jemalloc.ToString(), "/repo/other/obj/TlsGuard.libraries.tsv", tagged: false)
            .RunAsync();
    }

    [Fact]
    public async Task Several_tagged_files_are_merged()
    {
        const string source = """
            using System.Runtime.InteropServices;

            static class Native
            {
                [{|TLS100:DllImport("jemalloc")|}] public static extern nint je_malloc(nuint size);
                [{|TLS101:DllImport("mimalloc")|}] public static extern nint mi_malloc(nuint size);
            }
            """;

        await CallSiteAnalyzerTest.ForSource(source)
            .WithResults(Jemalloc.ToString(), "/repo/app/obj/a/TlsGuard.libraries.tsv")
            .WithResults(new ResultsFile().AtRisk("libmimalloc.so.2").ToString(), "/repo/app/obj/b/TlsGuard.libraries.tsv")
            .RunAsync();
    }
}
