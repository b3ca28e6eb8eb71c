namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// Small consumer programs, one call site each unless a test says otherwise. With a markup key ("TLS100", "#0") the
/// call site carries the span the diagnostic is expected on; without one, no diagnostic is expected.
/// </summary>
internal static class Sources
{
    public static string DllImport(string libraryName, string? markupKey = null) => $$"""
        using System.Runtime.InteropServices;

        static class Native
        {
            [{{Marked($"DllImport({Literal(libraryName)})", markupKey)}}]
            public static extern int answer();
        }
        """;

    public static string LoadByPath(string libraryName, string? markupKey = null) => $$"""
        using System.Runtime.InteropServices;

        static class Loader
        {
            public static nint Open() => {{Marked($"NativeLibrary.Load({Literal(libraryName)})", markupKey)}};
        }
        """;

    /// <summary>Test-harness markup for the span a diagnostic is expected on: {|TLS100:text|} or {|#0:text|}.</summary>
    private static string Marked(string code, string? markupKey) => markupKey == null ? code : "{|" + markupKey + ":" + code + "|}";

    /// <summary>A C# string literal for any name, including quotes and backslashes.</summary>
    public static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
