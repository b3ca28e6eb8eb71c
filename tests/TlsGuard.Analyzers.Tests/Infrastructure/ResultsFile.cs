using System.Text;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>Builds results-file text in the layout of TlsGuard.Core.Reporting.AnalyzerResultsFile.</summary>
internal sealed class ResultsFile
{
    public const string Header = "# tlsguard-results 2";

    /// <summary>The build's default location: $(IntermediateOutputPath)TlsGuard.libraries.tsv.</summary>
    public const string DefaultPath = "/repo/app/obj/Debug/net10.0/TlsGuard.libraries.tsv";

    private readonly StringBuilder _text = new StringBuilder(Header).Append('\n');

    public ResultsFile Fails(string fileName, string? relativePath = null, long requiredBytes = 2632, string libc = "glibc", string remedy = "rebuild jemalloc with --disable-initial-exec-tls") =>
        Line(fileName, relativePath ?? fileName, "fails", requiredBytes, libc, remedy);

    public ResultsFile AtRisk(string fileName, string? relativePath = null, long requiredBytes = 1400, string libc = "glibc", string remedy = "load it first") =>
        Line(fileName, relativePath ?? fileName, "at-risk", requiredBytes, libc, remedy);

    /// <summary>A line whose cause is what the build writes for a static TLS verdict ("needs N bytes of static TLS").</summary>
    public ResultsFile Line(string fileName, string relativePath, string verdict, long requiredBytes, string libc, string remedy) =>
        Line(fileName, relativePath, verdict, requiredBytes, libc, requiredBytes > 0 ? "needs " + requiredBytes + " bytes of static TLS" : "", remedy);

    public ResultsFile Line(string fileName, string relativePath, string verdict, long requiredBytes, string libc, string cause, string remedy)
    {
        _text.Append(fileName).Append('\t').Append(relativePath).Append('\t').Append(verdict).Append('\t')
            .Append(requiredBytes).Append('\t').Append(libc).Append('\t').Append(cause).Append('\t').Append(remedy).Append('\n');
        return this;
    }

    public ResultsFile Raw(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();
}
