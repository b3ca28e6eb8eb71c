using System.Collections.Generic;
using System.Globalization;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Knowledge
{
    /// <summary>Builds the remedy for a module that needs static TLS: its known fix or the generic one, plus the loader's run-time workaround.</summary>
    public static class RemedyAdvisor
    {
        public const string TunablePrefix = "GLIBC_TUNABLES=glibc.rtld.optional_static_tls=";

        /// <param name="offenderName">Soname or file name of the module whose block needs static TLS.</param>
        /// <param name="offenderScan">Its scan, for TLS symbol names; null when unknown.</param>
        /// <param name="libc">The target C library.</param>
        /// <param name="tunableValue">The glibc.rtld.optional_static_tls value that makes it load, when the tunable helps.</param>
        public static Remedy For(string offenderName, ElfScanResult? offenderScan, TargetLibc libc, long? tunableValue)
        {
            var known = KnownOffenders.Match(offenderScan?.Soname ?? offenderName, offenderName, SymbolsOf(offenderScan));
            var buildFix = known?.BuildFix ?? KnownOffenders.GenericBuildFix;
            var tunables = tunableValue.HasValue && libc.Kind == LibcKind.Glibc
                ? TunablePrefix + tunableValue.Value.ToString(CultureInfo.InvariantCulture)
                : null;
            var runtime = RuntimeWorkaround(offenderName, libc, tunables);
            if (known != null && known.RuntimeNote.Length > 0 && libc.Kind != LibcKind.Bionic)
            {
                runtime += "; " + known.RuntimeNote;
            }

            var subject = known == null ? offenderName : offenderName + " (" + known.Name + ")";
            return new Remedy
            {
                KnownLibrary = known?.Name,
                BuildFix = buildFix,
                RuntimeWorkaround = runtime,
                GlibcTunables = tunables,
                Summary = "for " + subject + ": " + buildFix + "; at run time: " + runtime,
            };
        }

        /// <summary>The advice for object files and archives that are not linked yet: only the build fix applies.</summary>
        public static Remedy ForObject(string fileName, IEnumerable<string> tlsSymbols)
        {
            var known = KnownOffenders.Match(null, fileName, tlsSymbols);
            var buildFix = known?.BuildFix ?? KnownOffenders.GenericBuildFix;
            return new Remedy
            {
                KnownLibrary = known?.Name,
                BuildFix = buildFix,
                RuntimeWorkaround = "",
                Summary = buildFix,
            };
        }

        private static string RuntimeWorkaround(string offenderName, TargetLibc libc, string? tunables)
        {
            var preload = "LD_PRELOAD=/path/to/" + offenderName;
            const string BeforeStart = "in the environment before the process starts (Environment.SetEnvironmentVariable inside the process is too late)";
            switch (libc.Kind)
            {
                case LibcKind.Glibc:
                    return tunables != null
                        ? "set " + tunables + " or " + preload + " " + BeforeStart
                        : "set " + preload + " " + BeforeStart;
                case LibcKind.GlibcBefore232:
                    return "set " + preload + " " + BeforeStart + "; glibc before 2.32 has no static TLS tunable";
                case LibcKind.Musl:
                    return "set " + preload + " " + BeforeStart + "; musl accepts initial-exec TLS into preloaded modules";
                case LibcKind.FreeBsd:
                    return "set " + preload + " " + BeforeStart;
                default:
                    return "none: an Android app cannot preload libraries, the library must be rebuilt";
            }
        }

        private static IEnumerable<string> SymbolsOf(ElfScanResult? scan)
        {
            if (scan == null)
            {
                yield break;
            }

            foreach (var name in scan.DefinedTlsSymbols)
            {
                yield return name;
            }

            foreach (var symbol in scan.StaticTlsSymbols)
            {
                if (symbol.Name != null)
                {
                    yield return symbol.Name;
                }
            }
        }
    }
}
