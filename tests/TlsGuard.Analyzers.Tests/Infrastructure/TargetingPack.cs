using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// The Microsoft.NETCore.App targeting pack this test project was built against, as the build recorded it (see the
/// .csproj): its reference assemblies and its LibraryImport source generator. The harness's own
/// ReferenceAssemblies.Net.* would download Microsoft.NETCore.App.Ref from nuget.org while the tests run; the installed
/// pack holds the same assemblies.
/// </summary>
internal static class TargetingPack
{
    /// <summary>
    /// The pack's assemblies that declare what the test programs use: System.Runtime (object, DllImportAttribute, Path,
    /// AppContext) and System.Runtime.InteropServices (NativeLibrary, LibraryImportAttribute and the marshalling types
    /// the generator's code names). All 160-odd assemblies of the pack would make every test compilation bind them all,
    /// which roughly doubles the time a test takes (about 19 ms against 10 ms, measured over 50 runs).
    /// </summary>
    public static ImmutableArray<MetadataReference> References { get; } =
    [
        Reference("System.Runtime"),
        Reference("System.Runtime.InteropServices"),
    ];

    /// <summary>
    /// Microsoft.Interop.LibraryImportGenerator, which turns [LibraryImport] into the DllImport a build compiles; it
    /// loads its Microsoft.Interop.SourceGeneration dependency from its own folder and needs Roslyn 4.14 or later.
    /// </summary>
    public static Type LibraryImportGenerator { get; } = Assembly.LoadFrom(Recorded("LibraryImportGenerator"))
        .GetType("Microsoft.Interop.LibraryImportGenerator", throwOnError: true)!;

    private static MetadataReference Reference(string assemblyName)
    {
        var path = Path.Combine(Recorded("NetCoreAppReferenceFolder"), assemblyName + ".dll");
        return File.Exists(path)
            ? MetadataReference.CreateFromFile(path)
            : throw new FileNotFoundException("the targeting pack has no " + assemblyName, path);
    }

    private static string Recorded(string key)
    {
        var value = typeof(TargetingPack).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
        return string.IsNullOrEmpty(value) || value.Contains(';', StringComparison.Ordinal)
            ? throw new InvalidOperationException($"the build recorded no single {key} (see _TlsGuardRecordTargetingPack): '{value}'")
            : value;
    }
}
