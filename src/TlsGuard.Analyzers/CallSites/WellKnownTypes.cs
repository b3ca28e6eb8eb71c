using Microsoft.CodeAnalysis;

namespace TlsGuard.Analyzers.CallSites
{
    /// <summary>
    /// Recognises the interop types by full name rather than by symbol identity: GetTypeByMetadataName returns null
    /// when two references define the same type, and the attributes may come from a polyfill.
    /// </summary>
    internal static class WellKnownTypes
    {
        private const string InteropNamespace = "System.Runtime.InteropServices";

        public static bool IsDllImportAttribute(ITypeSymbol? type) => Is(type, InteropNamespace, "DllImportAttribute");
        public static bool IsLibraryImportAttribute(ITypeSymbol? type) => Is(type, InteropNamespace, "LibraryImportAttribute");
        public static bool IsNativeLibrary(ITypeSymbol? type) => Is(type, InteropNamespace, "NativeLibrary");
        public static bool IsAssembly(ITypeSymbol? type) => Is(type, "System.Reflection", "Assembly");

        private static bool Is(ITypeSymbol? type, string namespaceName, string typeName) =>
            type != null
            && type.Name == typeName
            && type.ContainingType == null
            && type.ContainingNamespace?.ToDisplayString() == namespaceName;
    }
}
