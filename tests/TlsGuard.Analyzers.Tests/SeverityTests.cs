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
            [{|#0:DllImport("jemalloc")|}] public static extern nint je_malloc(nuint size);
            [{|#1:DllImport("mimalloc")|}] public static extern nint mi_malloc(nuint size);
        }
        """;

    private static CallSiteAnalyzerTest Test() => CallSiteAnalyzerTest.ForSource(Source)
        .WithResults(new ResultsFile().Fails("libjemalloc.so.2").AtRisk("libmimalloc.so.2"));

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Jemalloc(DiagnosticSeverity severity) =>
        CallSiteAnalyzerTest.Diagnostic("TLS100").WithLocation(0).WithSeverity(severity);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Mimalloc(DiagnosticSeverity severity) =>
        CallSiteAnalyzerTest.Diagnostic("TLS101").WithLocation(1).WithSeverity(severity);

    [Fact]
    public async Task Defaults_are_warning_for_TLS100_and_info_for_TLS101()
    {
        await Test().Expect(Jemalloc(DiagnosticSeverity.Warning), Mimalloc(DiagnosticSeverity.Info)).RunAsync();
    }

    [Fact]
    public async Task Compilation_options_raise_TLS100_to_error()
    {
        await Test()
            .WithSeverity("TLS100", ReportDiagnostic.Error)
            .Expect(Jemalloc(DiagnosticSeverity.Error), Mimalloc(DiagnosticSeverity.Info))
            .RunAsync();
    }

    [Fact]
    public async Task Compilation_options_suppress_TLS100()
    {
        await Test()
            .WithSeverity("TLS100", ReportDiagnostic.Suppress)
            .Expect(Mimalloc(DiagnosticSeverity.Info))
            .RunAsync();
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

        await Test()
            .WithEditorConfig("/repo/.editorconfig", editorconfig)
            .Expect(Jemalloc(DiagnosticSeverity.Error))
            .RunAsync();
    }

    [Fact]
    public async Task Editorconfig_for_other_files_does_not_apply()
    {
        const string editorconfig = """
            root = true

            [Other.cs]
            dotnet_diagnostic.TLS100.severity = none
            """;

        await Test()
            .WithEditorConfig("/repo/.editorconfig", editorconfig)
            .Expect(Jemalloc(DiagnosticSeverity.Warning), Mimalloc(DiagnosticSeverity.Info))
            .RunAsync();
    }

    [Fact]
    public async Task Global_config_raises_TLS101_to_warning()
    {
        const string globalconfig = """
            is_global = true
            dotnet_diagnostic.TLS101.severity = warning
            """;

        await Test()
            .WithEditorConfig("/repo/.globalconfig", globalconfig)
            .Expect(Jemalloc(DiagnosticSeverity.Warning), Mimalloc(DiagnosticSeverity.Warning))
            .RunAsync();
    }
}
