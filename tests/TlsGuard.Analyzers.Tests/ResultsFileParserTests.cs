using System.Linq;
using System.Threading.Tasks;
using TlsGuard.Core.Reporting;
using TlsGuard.Analyzers.Tests.Infrastructure;

namespace TlsGuard.Analyzers.Tests;

/// <summary>The results file is read tolerantly: a damaged file never crashes the compiler and never invents a finding.</summary>
public sealed class ResultsFileParserTests
{
    [Fact]
    public void Reads_every_field()
    {
        var text = new ResultsFile()
            .Fails("libjemalloc.so.2", "runtimes/linux-x64/native/libjemalloc.so.2", 2632, "glibc-2.32+", "rebuild with --disable-initial-exec-tls")
            .AtRisk("libmimalloc.so.2", "", 1400, "musl", "")
            .ToString();

        var libraries = AnalyzerResultsFormat.Parse(text);

        Assert.Equal(2, libraries.Count);
        Assert.Equal("libjemalloc.so.2", libraries[0].FileName);
        Assert.Equal("runtimes/linux-x64/native/libjemalloc.so.2", libraries[0].RelativePath);
        Assert.Equal(FlaggedVerdict.Fails, libraries[0].Verdict);
        Assert.Equal(2632, libraries[0].RequiredBytes);
        Assert.Equal("glibc-2.32+", libraries[0].Libc);
        Assert.Equal("rebuild with --disable-initial-exec-tls", libraries[0].RemedySummary);
        Assert.Equal(FlaggedVerdict.AtRisk, libraries[1].Verdict);
        // An empty relative path means the file sits at the output root.
        Assert.Equal("libmimalloc.so.2", libraries[1].RelativePath);
    }

    [Fact]
    public void Accepts_a_byte_order_mark_and_CRLF_line_ends()
    {
        var text = "\uFEFF# tlsguard-results 2\r\nlibfoo.so\tlibfoo.so\tfails\t10\tglibc\tcause\tfix\r\n";

        var library = Assert.Single(AnalyzerResultsFormat.Parse(text));

        Assert.Equal("libfoo.so", library.FileName);
        Assert.Equal("fix", library.RemedySummary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("libfoo.so\tlibfoo.so\tfails\t10\tglibc\tcause\tfix")]
    [InlineData("# tlsguard-results 1\nlibfoo.so\tlibfoo.so\tfails\t10\tglibc\tfix")]
    [InlineData("# tlsguard-results 3\nlibfoo.so\tlibfoo.so\tfails\t10\tglibc\tcause\tfix")]
    [InlineData("# TLSGUARD-RESULTS 2\nlibfoo.so\tlibfoo.so\tfails\t10\tglibc\tcause\tfix")]
    [InlineData("\0\u0001\u0002ELF\nlibfoo.so\tlibfoo.so\tfails\t10\tglibc\tcause\tfix")]
    public void Foreign_or_missing_header_yields_nothing(string text)
    {
        Assert.Empty(AnalyzerResultsFormat.Parse(text));
    }

    [Theory]
    [InlineData("libfoo.so\tlibfoo.so\tfails\t10\tglibc\tfix")]
    [InlineData("libfoo.so\tlibfoo.so\tfails\t10\tglibc\tcause\tfix\textra")]
    [InlineData("libfoo.so\tlibfoo.so\tfits\t10\tglibc\tcause\tfix")]
    [InlineData("libfoo.so\tlibfoo.so\tnone\t10\tglibc\tcause\tfix")]
    [InlineData("libfoo.so\tlibfoo.so\tbroken\t10\tglibc\tcause\tfix")]
    [InlineData("libfoo.so\tlibfoo.so\tfails\t-10\tglibc\tcause\tfix")]
    [InlineData("libfoo.so\tlibfoo.so\tfails\tten\tglibc\tcause\tfix")]
    [InlineData("libfoo.so\tlibfoo.so\tfails\t99999999999999999999\tglibc\tcause\tfix")]
    [InlineData("\tlibfoo.so\tfails\t10\tglibc\tcause\tfix")]
    [InlineData("native/libfoo.so\tnative/libfoo.so\tfails\t10\tglibc\tcause\tfix")]
    [InlineData("# libfoo.so\tlibfoo.so\tfails\t10\tglibc\tcause\tfix")]
    [InlineData("libfoo.so libfoo.so fails 10 glibc fix")]
    public void Bad_line_is_skipped_and_good_lines_survive(string badLine)
    {
        var text = new ResultsFile().Raw(badLine).Fails("libgood.so").ToString();

        Assert.Equal(["libgood.so"], AnalyzerResultsFormat.Parse(text).Select(l => l.FileName));
    }

    [Theory]
    [InlineData("FAILS", true)]
    [InlineData(" fails ", true)]
    [InlineData("atrisk", false)]
    [InlineData("At-Risk", false)]
    public void Verdict_spellings_follow_the_core(string verdict, bool fails)
    {
        var text = new ResultsFile().Line("libfoo.so", "libfoo.so", verdict, 10, "glibc", "fix").ToString();

        var expected = fails ? FlaggedVerdict.Fails : FlaggedVerdict.AtRisk;
        Assert.Equal(expected, Assert.Single(AnalyzerResultsFormat.Parse(text)).Verdict);
    }

    [Fact]
    public void Backslashes_in_the_relative_path_become_slashes()
    {
        var text = new ResultsFile().Line("libfoo.so", "runtimes\\linux-x64\\native\\libfoo.so", "fails", 10, "glibc", "fix").ToString();

        Assert.Equal("runtimes/linux-x64/native/libfoo.so", Assert.Single(AnalyzerResultsFormat.Parse(text)).RelativePath);
    }

    [Theory]
    [InlineData("not a results file at all")]
    [InlineData("# tlsguard-results 2\n\t\t\t\t\t\t\n\n\t")]
    [InlineData("# tlsguard-results 2\nlibjemalloc.so.2\tlibjemalloc.so.2\tfails")]
    public async Task Garbled_file_gives_no_diagnostics_and_no_analyzer_crash(string text)
    {
        // The harness reports AD0001 (an analyzer exception) as an error, and an unexpected diagnostic fails the test.
        await CallSiteAnalyzerTest.ForSource(Sources.DllImport("jemalloc")).WithResults(text).RunAsync();
    }

    [Fact]
    public async Task Garbled_lines_do_not_hide_the_good_ones()
    {
        var text = new ResultsFile().Raw("garbage").Raw("\t\t\t\t\t").Fails("libjemalloc.so.2").Raw("libx.so\tx\tfails\tNaN\tglibc\t").ToString();

        await CallSiteAnalyzerTest.ForSource(Sources.DllImport("jemalloc", "TLS100")).WithResults(text).RunAsync();
    }
}
