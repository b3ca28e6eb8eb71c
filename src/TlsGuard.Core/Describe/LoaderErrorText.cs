using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Describe
{
    /// <summary>
    /// What each loader says when it refuses a library, in its own words (measured: tests/TlsGuard.LoaderTests/Loader/Lab
    /// LoaderErrorTextTests; glibc elf/dl-load.c and elf/dl-version.c, musl ldso/dynlink.c, bionic linker.cpp, FreeBSD
    /// rtld.c), so a message quotes what the user will see.
    /// </summary>
    internal static class LoaderErrorText
    {
        /// <summary>The refusal of a static-TLS block, as each loader words it.</summary>
        public static string StaticTls(LibcKind loader) => loader switch
        {
            LibcKind.Musl => "initial-exec TLS resolves to dynamic definition",
            LibcKind.Bionic => "TLS symbol ... using IE access model",
            LibcKind.FreeBsd => "No space available for static Thread Local Storage",
            _ => "cannot allocate memory in static TLS block",
        };

        public static string MissingFile(LibcKind loader, string file, string library) => loader switch
        {
            LibcKind.Musl => "Error loading shared library " + file + ": No such file or directory (needed by " + library + ")",
            LibcKind.Bionic => "dlopen failed: library \"" + file + "\" not found",
            LibcKind.FreeBsd => "Shared object \"" + file + "\" not found, required by \"" + library + "\"",
            _ => file + ": cannot open shared object file: No such file or directory",
        };

        public static string MissingSymbol(LibcKind loader, string symbol, string library) => loader switch
        {
            LibcKind.Musl => "Error relocating " + library + ": " + symbol + ": symbol not found",
            LibcKind.Bionic => "dlopen failed: cannot locate symbol \"" + symbol + "\" referenced by \"" + library + "\"",
            LibcKind.FreeBsd => library + ": Undefined symbol \"" + symbol + "\"",
            _ => library + ": undefined symbol: " + symbol,
        };

        public static string MissingGlibcVersion(string version, string library) => "version `" + version + "' not found (required by " + library + ")";
    }
}
