using System.Text;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>Builds results-file text in the layout of TlsGuard.Core.Reporting.AnalyzerResultsFile.</summary>
internal sealed class ResultsFile
{
    public const string Header = "# tlsguard-results 1";

    /// <summary>The build's default location: $(IntermediateOutputPath)TlsGuard.libraries.tsv.</summary>
    public const string DefaultPath = "/repo/app/obj/Debug/net10.0/TlsGuard.libraries.tsv";

    private readonly StringBuilder _text = new StringBuilder(Header).Append('\n');

    public ResultsFile Fails(string fileName, string? relativePath = null, long requiredBytes = 2632, string libc = "glibc", string remedy = "rebuild jemalloc with --disable-initial-exec-tls") =>
        Line(fileName, relativePath ?? fileName, "fails", requiredBytes, libc, remedy);

    public ResultsFile AtRisk(string fileName, string? relativePath = null, long requiredBytes = 1400, string libc = "glibc", string remedy = "load it first") =>
        Line(fileName, relativePath ?? fileName, "at-risk", requiredBytes, libc, remedy);

    public ResultsFile Line(string fileName, string relativePath, string verdict, long requiredBytes, string libc, string remedy)
    {
        _text.Append(fileName).Append('\t').Append(relativePath).Append('\t').Append(verdict).Append('\t')
            .Append(requiredBytes).Append('\t').Append(libc).Append('\t').Append(remedy).Append('\n');
        return this;
    }

    public ResultsFile Raw(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();
}
