using System;
using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Whether the target's loader can load a library at all, judged from what it needs: the C library's own files, the
    /// symbols it imports and their versions. Real loads of 208 package libraries (tests/TlsGuard.WorldTests) settle the
    /// rules: musl's loader answers libc.so.6, libm.so.6, libpthread.so.0, libdl.so.2 and librt.so.1 with itself and
    /// ignores symbol versions (ldso/dynlink.c load_library, the "reserved" names), so a glibc build that imports only what
    /// musl defines loads; one that needs ld-linux-*.so.* or imports a glibc-only symbol does not.
    /// </summary>
    internal static class LibcCompatibility
    {
        /// <summary>Symbols glibc defines and musl does not (musl has no _FORTIFY_SOURCE runtime: no __*_chk at all).</summary>
        private static readonly string[] GlibcOnlySymbols =
        {
            "gnu_get_libc_version", "gnu_get_libc_release", "setfsent", "getfsent", "getfsspec", "getfsfile", "endfsent",
        };

        public static LibcMismatch? Judge(LibraryInput input, ElfScanResult scan, LoadTarget target, LibraryVerdict staticTls)
        {
            var built = BuiltFor.Of(scan);
            if (built.Family == null)
            {
                return null;
            }

            LibcMismatch Mismatch(LibcMismatchReason reason, string subject, Verdict verdict) =>
                new LibcMismatch(input, built, target.Libc, reason, subject, verdict)
                {
                    StaticTlsVerdict = staticTls.Verdict,
                    StaticTlsBytes = staticTls.RequiredStaticTlsBytes,
                };

            var libc = target.Libc;
            if (built.Family == libc.Kind)
            {
                if (libc.IsGlibc && libc.Version != null && built.GlibcVersion != null && built.GlibcVersion > libc.Version)
                {
                    return Mismatch(LibcMismatchReason.NeedsNewerGlibc, BuiltFor.HighestGlibcVersionName(scan), Verdict.Fails);
                }

                return null;
            }

            if (built.Family == LibcKind.Glibc && libc.Kind == LibcKind.Musl)
            {
                foreach (var needed in scan.Needed)
                {
                    if (needed.StartsWith("ld-linux", StringComparison.Ordinal) || needed.StartsWith("ld64.so.", StringComparison.Ordinal))
                    {
                        return Mismatch(LibcMismatchReason.NeedsOtherLibcFile, needed, Verdict.Fails);
                    }
                }

                var missing = FirstGlibcOnlyImport(scan);
                if (missing != null)
                {
                    return Mismatch(LibcMismatchReason.ImportsMissingSymbol, missing, Verdict.Fails);
                }

                // Nothing settles the symbols; but musl refuses its initial-exec TLS anyway, so it fails for sure.
                return Mismatch(
                    LibcMismatchReason.LinkedAgainstGlibc,
                    BuiltFor.HighestGlibcVersionName(scan),
                    staticTls.Verdict == Verdict.Fails ? Verdict.Fails : Verdict.AtRisk);
            }

            // Every other pair needs a file the target does not have: musl's libc.musl-ARCH.so.1 or bare libc.so on glibc,
            // bionic's libc.so on Linux, glibc's libc.so.6 on bionic, FreeBSD's libc.so.7 anywhere else.
            return Mismatch(LibcMismatchReason.NeedsOtherLibcFile, OtherLibcFile(scan, built), Verdict.Fails);
        }

        private static string? FirstGlibcOnlyImport(ElfScanResult scan)
        {
            foreach (var import in scan.VersionedImports)
            {
                if (!import.Weak && IsGlibcOnly(import.Symbol))
                {
                    return import.Symbol;
                }
            }

            return null;
        }

        private static bool IsGlibcOnly(string symbol) =>
            (symbol.StartsWith("__", StringComparison.Ordinal) && symbol.EndsWith("_chk", StringComparison.Ordinal))
            || Array.IndexOf(GlibcOnlySymbols, symbol) >= 0;

        private static string OtherLibcFile(ElfScanResult scan, BuiltFor built)
        {
            foreach (var needed in scan.Needed)
            {
                if (needed.StartsWith("libc.", StringComparison.Ordinal) || needed.StartsWith("ld-", StringComparison.Ordinal))
                {
                    return needed;
                }
            }

            return built.Evidence;
        }
    }
}
