using Microsoft.CodeAnalysis;
using TlsGuard.Analyzers.Matching;

namespace TlsGuard.Analyzers.CallSites
{
    /// <summary>A place in source that loads a native library by a constant name.</summary>
    internal sealed class NativeCallSite
    {
        public NativeCallSite(string libraryName, Location location, NameResolution resolution)
        {
            LibraryName = libraryName;
            Location = location;
            Resolution = resolution;
        }

        /// <summary>The name as written in source ("jemalloc", "./native/libfoo.so").</summary>
        public string LibraryName { get; }

        /// <summary>The attribute (DllImport, LibraryImport) or the NativeLibrary.Load/TryLoad invocation.</summary>
        public Location Location { get; }

        public NameResolution Resolution { get; }
    }
}
