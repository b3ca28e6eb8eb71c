using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Describe
{
    /// <summary>The error each loader itself reports when the rule that decided a budget refuses a library, as quoted in headlines.</summary>
    public static class LoaderErrorText
    {
        /// <summary>glibc elf/dl-reloc.c (_dl_allocate_static_tls, l.141 in glibc-2.36).</summary>
        public const string GlibcStaticTls = "cannot allocate memory in static TLS block";

        /// <summary>glibc before 2.22, elf/dl-open.c (glibc-2.21 l.544-545).</summary>
        public const string GlibcDtvSurplus = "cannot load any more object with static TLS";

        /// <summary>musl ldso/dynlink.c do_relocs (v1.2.3 l.415).</summary>
        public const string Musl = "initial-exec TLS resolves to dynamic definition";

        /// <summary>bionic linker_relocate.cpp, quoted by bionic tests/elftls_dl_test.cpp.</summary>
        public const string BionicInitialExec = "TLS symbol ... in dlopened ... using IE access model";

        /// <summary>
        /// bionic before Android 10 (API 29): the linker's relocation switch has no case for TLS relocations and ends in
        /// DL_ERR("unknown reloc type %d @ %p (%zu)") (linker.cpp); read in the source, not run here.
        /// </summary>
        public const string BionicNoElfTls = "unknown reloc type";

        /// <summary>FreeBSD rtld (libexec/rtld-elf/rtld.c, allocate_tls_offset's callers and the TP-relative relocations).</summary>
        public const string FreeBsd = "No space available for static Thread Local Storage";

        /// <summary>The text the loader of <paramref name="libc"/> prints for the rule that decided <paramref name="outcome"/>.</summary>
        public static string For(BudgetOutcome? outcome, TargetLibc libc)
        {
            switch (libc.Kind)
            {
                case LibcKind.Musl:
                    return Musl;
                case LibcKind.Bionic:
                    return outcome?.Rule == BudgetRule.NoElfTls ? BionicNoElfTls : BionicInitialExec;
                case LibcKind.FreeBsd:
                    return FreeBsd;
                default:
                    return outcome?.Rule == BudgetRule.DtvSurplusExceeded ? GlibcDtvSurplus : GlibcStaticTls;
            }
        }

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
