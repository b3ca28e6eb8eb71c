using System.Collections.Generic;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Knowledge
{
    /// <summary>Chooses the remedy for a module that needs static TLS: its known-offender entry (or none) and the loader's run-time setting.</summary>
    public static class RemedyAdvisor
    {
        /// <param name="offenderName">Soname or file name of the module whose block needs static TLS.</param>
        /// <param name="offenderScan">Its scan, for TLS symbol names; null when unknown.</param>
        /// <param name="libc">The target C library.</param>
        /// <param name="outcome">The budget that judged it: its tunable or LD_STATIC_TLS_EXTRA setting; null when none applies.</param>
        public static Remedy For(string offenderName, ElfScanResult? offenderScan, TargetLibc libc, BudgetOutcome? outcome)
        {
            var known = KnownOffenders.Match(offenderScan?.Soname ?? offenderName, offenderName, SymbolsOf(offenderScan));

            // A runtime that must be in the initial load set gets its own run-time fix, never a tunable.
            var ownFix = known != null && known.RuntimeFix.Length > 0;
            return new Remedy
            {
                Module = offenderName,
                Known = known,
                Libc = libc,
                Rule = outcome?.Rule,
                Judged = outcome?.Judged,
                Tunable = ownFix || !libc.IsGlibc || libc.IsGlibcBefore(2, 32) ? null : outcome?.Tunable,
                StaticTlsExtra = ownFix ? null : outcome?.StaticTlsExtra,
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
