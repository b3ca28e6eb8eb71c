using System.Collections.Generic;

namespace TlsGuard.Core.Diagnostics
{
    /// <summary>The single catalog of TlsGuard diagnostics. Faces look entries up here; none defines its own text.</summary>
    public static class DiagnosticCatalog
    {
        /// <summary>{0} library display name, {1} what was found, {2} target C library, {3} remedy, {4} the target loader's own error text.</summary>
        public static readonly DiagnosticDescriptor LibraryFailsToLoad = new DiagnosticDescriptor(
            DiagnosticIds.LibraryFailsToLoad,
            "Native library needs static TLS and will fail to load",
            "{0} will fail to load with dlopen ('{4}'): {1} on {2}. Fix: {3}",
            DiagnosticSeverity.Warning,
            "The library (or a library it needs) was compiled with the initial-exec TLS model. When .NET loads it through P/Invoke or NativeLibrary.Load, the loader must place its TLS block in the small static reserve set at process start, and the block does not fit, so loading fails at run time.");

        /// <summary>{0} library, {1} what was found, {2} target C library, {3} remedy.</summary>
        public static readonly DiagnosticDescriptor LibraryAtRisk = new DiagnosticDescriptor(
            DiagnosticIds.LibraryAtRisk,
            "Native library needs static TLS and may fail to load",
            "{0} needs static TLS and fits today, but may fail to load when other libraries use the reserve first: {1} on {2}. Fix: {3}",
            DiagnosticSeverity.Warning,
            "The library's initial-exec TLS fits in glibc's default static TLS reserve, but only in the part that TLSDESC users and other initial-exec libraries may take first. Load order decides whether it loads.");

        /// <summary>{0} object or archive member, {1} relocation summary, {2} remedy.</summary>
        public static readonly DiagnosticDescriptor ObjectUsesStaticTlsModel = new DiagnosticDescriptor(
            DiagnosticIds.ObjectUsesStaticTlsModel,
            "Object code compiled with the initial-exec or local-exec TLS model",
            "{0} uses static TLS ({1}); a shared library linked from it will need static TLS when dlopen'd. Fix: {2}",
            DiagnosticSeverity.Warning,
            "An object file or static archive carries initial-exec or local-exec TLS relocations. Linked into an executable this is harmless; linked into a shared library that .NET loads with dlopen it makes the library need static TLS.");

        /// <summary>{0} path, {1} reason.</summary>
        public static readonly DiagnosticDescriptor FileUnreadable = new DiagnosticDescriptor(
            DiagnosticIds.FileUnreadable,
            "Native library could not be read",
            "{0} could not be checked for static TLS: {1}",
            DiagnosticSeverity.Warning,
            "The file looks like a native library but could not be read as ELF (truncated, corrupt, or unreadable). TlsGuard cannot say whether it will load.");

        /// <summary>{0} library, {1} needed soname, {2} folders searched.</summary>
        public static readonly DiagnosticDescriptor DependencyNotFound = new DiagnosticDescriptor(
            DiagnosticIds.DependencyNotFound,
            "Dependency of a native library not found",
            "{0} needs {1}, which was not found in {2}; its static TLS was not checked",
            DiagnosticSeverity.Message,
            "A DT_NEEDED dependency could not be located among the library's folder, its RUNPATH/RPATH, the other libraries of the build, or the configured search paths. If it uses initial-exec TLS, loading may still fail.");

        /// <summary>{0} library set, {1} required bytes, {2} available bytes, {3} target C library, {4} remedy.</summary>
        public static readonly DiagnosticDescriptor LoadSetOverflows = new DiagnosticDescriptor(
            DiagnosticIds.LoadSetOverflows,
            "Native libraries together overflow the static TLS reserve",
            "Loaded together, {0} need {1} bytes of static TLS, more than the {2} bytes available on {3}; the last one loaded will fail. Fix: {4}",
            DiagnosticSeverity.Warning,
            "Each library fits on its own, but static TLS blocks add up and are never returned: the libraries an application loads together do not fit.");

        /// <summary>{0} library.</summary>
        public static readonly DiagnosticDescriptor StaticTlsFlagWithoutRelocation = new DiagnosticDescriptor(
            DiagnosticIds.StaticTlsFlagWithoutRelocation,
            "DF_STATIC_TLS set without static-TLS relocations",
            "{0} sets DF_STATIC_TLS but has no static-TLS relocation; glibc ignores the flag, FreeBSD's loader does not",
            DiagnosticSeverity.Message,
            "The dynamic section's DF_STATIC_TLS flag is only a hint; glibc, musl and bionic decide by relocations. FreeBSD's rtld allocates static TLS because of the flag.");

        /// <summary>{0} baseline file, {1} entry.</summary>
        public static readonly DiagnosticDescriptor StaleBaselineEntry = new DiagnosticDescriptor(
            DiagnosticIds.StaleBaselineEntry,
            "Baseline entry no longer matches a finding",
            "{0}: baseline entry '{1}' matches no current finding; remove it",
            DiagnosticSeverity.Message,
            "The baseline lists a finding that is gone (the library was fixed or removed). Regenerate the baseline so that it does not hide a future regression.");

        /// <summary>{0} setting (MSBuild property or CLI option), {1} value given, {2} accepted values.</summary>
        public static readonly DiagnosticDescriptor InvalidSetting = new DiagnosticDescriptor(
            DiagnosticIds.InvalidSetting,
            "TlsGuard setting has a value TlsGuard does not accept",
            "{0} '{1}' is not valid; use {2}",
            DiagnosticSeverity.Error,
            "A TlsGuard property or option has a value TlsGuard does not know. Nothing is checked until it is fixed, so the build stops rather than passing silently.");

        /// <summary>{0} library name as written at the call site, {1} matched file, {2} verdict text, {3} short remedy.</summary>
        public static readonly DiagnosticDescriptor PInvokeToFailingLibrary = new DiagnosticDescriptor(
            DiagnosticIds.PInvokeToFailingLibrary,
            CallSiteDiagnosticText.FailingTitle,
            CallSiteDiagnosticText.FailingMessageFormat,
            DiagnosticSeverity.Warning,
            CallSiteDiagnosticText.FailingDescription);

        /// <summary>{0} library name as written, {1} matched file, {2} verdict text, {3} short remedy.</summary>
        public static readonly DiagnosticDescriptor PInvokeToAtRiskLibrary = new DiagnosticDescriptor(
            DiagnosticIds.PInvokeToAtRiskLibrary,
            CallSiteDiagnosticText.AtRiskTitle,
            CallSiteDiagnosticText.AtRiskMessageFormat,
            // A message, not a warning: the build already warns once per library (TLS002); call sites are marked for navigation.
            DiagnosticSeverity.Message,
            CallSiteDiagnosticText.AtRiskDescription);

        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
        {
            LibraryFailsToLoad, LibraryAtRisk, ObjectUsesStaticTlsModel, FileUnreadable, DependencyNotFound,
            LoadSetOverflows, StaticTlsFlagWithoutRelocation, StaleBaselineEntry, InvalidSetting, PInvokeToFailingLibrary, PInvokeToAtRiskLibrary,
        };

        public static DiagnosticDescriptor? Find(string id)
        {
            foreach (var descriptor in All)
            {
                if (string.Equals(descriptor.Id, id, System.StringComparison.OrdinalIgnoreCase))
                {
                    return descriptor;
                }
            }

            return null;
        }
    }
}
