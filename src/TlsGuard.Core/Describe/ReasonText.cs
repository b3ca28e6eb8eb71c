using System.Collections.Generic;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Describe
{
    /// <summary>The sentences that explain a verdict: the loader's budget rule, symbols of unknown size, load-order hazards.</summary>
    public static class ReasonText
    {
        /// <summary>The reasons of a verdict as messages give them, joined.</summary>
        public static string Of(LibraryVerdict verdict) =>
            string.Join("; ", For(verdict, string.IsNullOrEmpty(verdict.Scan.Soname) ? verdict.Input.FileName : verdict.Scan.Soname!));

        /// <summary>Every reason of a library verdict, in the order messages give them.</summary>
        public static IReadOnlyList<string> For(LibraryVerdict verdict, string moduleName)
        {
            var reasons = new List<string>();
            if (verdict.Budget != null)
            {
                var budget = Budget(verdict.Budget, verdict.Libc, verdict.Scan.Platform.Name);
                if (budget.Length > 0)
                {
                    reasons.Add(budget);
                }
            }

            foreach (var symbol in verdict.Unattributed)
            {
                reasons.Add(symbol.LikelyIn != null
                    ? FindingText.Invariant("{0} uses initial-exec TLS symbol {1}, which may be defined in the missing {2}: its size is unknown", symbol.Module, symbol.Symbol, symbol.LikelyIn)
                    : FindingText.Invariant("{0} uses initial-exec TLS symbol {1}, which no module of its dependency closure defines: its size is unknown", symbol.Module, symbol.Symbol));
            }

            foreach (var hazard in verdict.LoadOrderHazards)
            {
                reasons.Add(FindingText.Invariant(
                    "{0} is also loaded on its own and reaches its TLS dynamically: if it is loaded and its TLS used before {1}, glibc has made that TLS dynamic and {1} fails",
                    hazard.Name,
                    moduleName));
            }

            return reasons;
        }

        /// <summary>One sentence for the loader rule that decided a budget; empty when nothing needs static TLS.</summary>
        public static string Budget(BudgetOutcome outcome, TargetLibc libc, string machine)
        {
            switch (outcome.Rule)
            {
                case BudgetRule.OverAligned:
                    return FindingText.Invariant(
                        "the TLS block of {0} is aligned to {1} bytes, more than the {2}-byte static TLS alignment glibc fixed at startup on {3} (no reserve size helps)",
                        outcome.Culprit!.Name, outcome.Culprit.Align, outcome.StaticAlign, machine);
                case BudgetRule.ExceedsReserve:
                    return FindingText.Invariant(
                        "{0} bytes of static TLS are free after the host's startup TLS ({1} bytes used, surplus {2})",
                        outcome.ReserveBytes, outcome.StartupBytes, outcome.SurplusBytes);
                case BudgetRule.BeyondGuaranteed:
                    return FindingText.Invariant(
                        "it fits in the {0} free bytes, but only {1} are guaranteed: TLS descriptor (TLSDESC) users, the default on aarch64 (.NET's own libcoreclr there), may take up to {2} bytes first",
                        outcome.ReserveBytes, outcome.GuaranteedBytes, outcome.OptionalBytes);
                case BudgetRule.LegacyLoadOrder:
                    return FindingText.Invariant(
                        "it fits in the {0} free bytes, but before glibc 2.32 TLS descriptor (TLSDESC) users may take the whole surplus first (glibc bug 25051), so load order decides",
                        outcome.ReserveBytes);
                case BudgetRule.NoSurplus:
                    return libc.Kind == LibcKind.Bionic
                        ? "bionic refuses initial-exec TLS into a dlopen'd library whatever its size ('dlopen failed: TLS symbol ... using IE access model')"
                        : "musl refuses initial-exec TLS into a module loaded by dlopen whatever its size ('initial-exec TLS resolves to dynamic definition')";
                case BudgetRule.FreeBsdReserve:
                    return FreeBsd(outcome, fails: true);
                case BudgetRule.Fits:
                    return libc.Kind == LibcKind.FreeBsd
                        ? FreeBsd(outcome, fails: false)
                        : FindingText.Invariant("it fits in the {0} guaranteed bytes of the {1} free", outcome.GuaranteedBytes, outcome.ReserveBytes);
                default:
                    return "";
            }
        }

        private static string FreeBsd(BudgetOutcome outcome, bool fails) => FindingText.Invariant(
            "FreeBSD's rtld keeps {0} spare bytes of static TLS for modules loaded later (DF_STATIC_TLS or TP-relative relocations){1}",
            outcome.ReserveBytes,
            fails ? " ('No space available for static Thread Local Storage')" : "");
    }
}
