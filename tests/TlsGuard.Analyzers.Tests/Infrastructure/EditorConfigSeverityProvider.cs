using System.Threading;
using Microsoft.CodeAnalysis;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>dotnet_diagnostic.ID.severity from editorconfig text, applied as the compiler applies it.</summary>
internal sealed class EditorConfigSeverityProvider(AnalyzerConfigSet configs) : SyntaxTreeOptionsProvider
{
    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        configs.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        configs.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
