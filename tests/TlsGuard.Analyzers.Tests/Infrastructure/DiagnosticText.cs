using Microsoft.CodeAnalysis;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

internal static class DiagnosticText
{
    /// <summary>The source text the diagnostic points at.</summary>
    public static string Spanned(this Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    /// <summary>1-based line, as the compiler prints it.</summary>
    public static int Line(this Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
}
