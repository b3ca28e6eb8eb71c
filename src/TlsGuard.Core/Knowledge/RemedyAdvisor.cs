using System.Collections.Generic;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Knowledge
{
    /// <summary>Chooses the remedy for a module that needs static TLS: its known-offender entry (or none) and the loader's run-time setting.</summary>
    public static class RemedyAdvisor
    {
        public const string TunablePrefix = "GLIBC_TUNABLES=glibc.rtld.optional_static_tls=";

        /// <param name="offenderName">Soname or file name of the module whose block needs static TLS.</param>
        /// <param name="offenderScan">Its scan, for TLS symbol names; null when unknown.</param>
        /// <param name="libc">The target C library.</param>
        /// <param name="tunableValue">The glibc.rtld.optional_static_tls value that makes it load, when the tunable helps.</param>
        public static Remedy For(string offenderName, ElfScanResult? offenderScan, TargetLibc libc, long? tunableValue)
        {
            return new Remedy
            {
                Module = offenderName,
                Known = KnownOffenders.Match(offenderScan?.Soname ?? offenderName, offenderName, SymbolsOf(offenderScan)),
                Libc = libc,
                OptionalStaticTls = libc.IsGlibc && !libc.IsGlibcBefore(2, 32) ? tunableValue : null,
            };
        }

        /// <summary>The advice for object files and archives that are not linked yet: only the build fix applies.</summary>
        public static Remedy ForObject(string fileName, IEnumerable<string> tlsSymbols)
        {
            return new Remedy { Module = fileName, Known = KnownOffenders.Match(null, fileName, tlsSymbols), ObjectCode = true };
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
