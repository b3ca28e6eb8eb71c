namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>Small consumer programs, one call site each unless a test says otherwise.</summary>
internal static class Sources
{
    public static string DllImport(string libraryName) => $$"""
        using System.Runtime.InteropServices;

        static class Native
        {
            [DllImport({{Literal(libraryName)}})]
            public static extern int answer();
        }
        """;

    public static string LoadByPath(string libraryName) => $$"""
        using System.Runtime.InteropServices;

        static class Loader
        {
            public static nint Open() => NativeLibrary.Load({{Literal(libraryName)}});
        }
        """;

    /// <summary>A C# string literal for any name, including quotes and backslashes.</summary>
    public static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
