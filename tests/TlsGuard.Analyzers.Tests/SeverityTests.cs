using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TlsGuard.Analyzers.Tests.Infrastructure;

namespace TlsGuard.Analyzers.Tests;

/// <summary>Severities are the descriptors' defaults and follow the usual overrides (editorconfig, global config, -warnaserror).</summary>
public sealed class SeverityTests
{
    private const string Source = """
        using System.Runtime.InteropServices;

        static class Native
        {
            [DllImport("jemalloc")] public static extern nint je_malloc(nuint size);
            [DllImport("mimalloc")] public static extern nint mi_malloc(nuint size);
        }
        """;

    private static AnalyzerRun Run() => AnalyzerRun.ForSource(Source)
        .WithResults(new ResultsFile().Fails("libjemalloc.so.2").AtRisk("libmimalloc.so.2"));

    [Fact]
    public async Task Defaults_are_warning_for_TLS100_and_info_for_TLS101()
    {
        var diagnostics = await Run().RunAsync();

        Assert.Equal(2, diagnostics.Length);
        Assert.Equal(("TLS100", DiagnosticSeverity.Warning), (diagnostics[0].Id, diagnostics[0].Severity));
        Assert.Equal(("TLS101", DiagnosticSeverity.Info), (diagnostics[1].Id, diagnostics[1].Severity));
    }

    [Fact]
    public async Task Compilation_options_raise_TLS100_to_error()
    {
        var diagnostics = await Run().WithSeverity("TLS100", ReportDiagnostic.Error).RunAsync();

        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        Assert.Equal(DiagnosticSeverity.Info, diagnostics[1].Severity);
    }

    [Fact]
    public async Task Compilation_options_suppress_TLS100()
    {
        var diagnostic = Assert.Single(await Run().WithSeverity("TLS100", ReportDiagnostic.Suppress).RunAsync());

        Assert.Equal("TLS101", diagnostic.Id);
    }

    [Fact]
    public async Task Editorconfig_raises_TLS100_to_error_and_turns_TLS101_off()
    {
        const string editorconfig = """
            root = true

            [*.cs]
            dotnet_diagnostic.TLS100.severity = error
            dotnet_diagnostic.TLS101.severity = none
            """;

        var diagnostic = Assert.Single(await Run().WithEditorConfig("/repo/.editorconfig", editorconfig).RunAsync());

        Assert.Equal(("TLS100", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public async Task Editorconfig_for_other_files_does_not_apply()
    {
        const string editorconfig = """
            root = true

            [Other.cs]
            dotnet_diagnostic.TLS100.severity = none
            """;

        var diagnostics = await Run().WithEditorConfig("/repo/.editorconfig", editorconfig).RunAsync();

        Assert.Equal(2, diagnostics.Length);
    }

    [Fact]
    public async Task Global_config_raises_TLS101_to_warning()
    {
        const string globalconfig = """
            is_global = true
            dotnet_diagnostic.TLS101.severity = warning
            """;

        var diagnostics = await Run().WithEditorConfig("/repo/.globalconfig", globalconfig).RunAsync();

        Assert.Equal(DiagnosticSeverity.Warning, diagnostics[1].Severity);
    }
}
