namespace TlsGuard.Analyzers.Matching
{
    /// <summary>How a call site turns a library name into files to open.</summary>
    internal enum NameResolution
    {
        /// <summary>
        /// [DllImport], [LibraryImport], NativeLibrary.Load/TryLoad(name, assembly, searchPath): the runtime tries the
        /// name with and without the "lib" prefix and the ".so" suffix (LibraryNameVariation.Unix.cs in dotnet/runtime).
        /// </summary>
        RuntimeProbing,

        /// <summary>NativeLibrary.Load/TryLoad(path): the name goes to dlopen as written, with no variations.</summary>
        OsLoader,
    }
}
