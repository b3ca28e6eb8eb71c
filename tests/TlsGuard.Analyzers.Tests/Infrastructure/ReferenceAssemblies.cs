using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>The running runtime's own assemblies that declare DllImport, LibraryImport, NativeLibrary and Assembly.</summary>
internal static class ReferenceAssemblies
{
    private static readonly string[] Names = ["System.Private.CoreLib", "System.Runtime", "System.Runtime.InteropServices"];

    public static ImmutableArray<MetadataReference> Net { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        // The list can name an assembly twice (the shared framework's copy and one beside the tests); one is enough.
        var references = Names
            .Select(name => trusted.First(path => string.Equals(Path.GetFileNameWithoutExtension(path), name, StringComparison.Ordinal)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        return references;
    }
}
