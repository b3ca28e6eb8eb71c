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
                    return FindingText.Invariant("{0} bytes of static TLS are free {1}", outcome.ReserveBytes, AfterHost(outcome));
                case BudgetRule.BeyondGuaranteed:
                    return FindingText.Invariant(
                        "it fits in the {0} bytes free {1}, but only {2} are guaranteed: TLS descriptor (TLSDESC) users loaded first, the default on aarch64, may take the {3} bytes left of the optional pool",
                        outcome.ReserveBytes, AfterHost(outcome), outcome.GuaranteedBytes, outcome.ReserveBytes - outcome.GuaranteedBytes);
                case BudgetRule.LegacyLoadOrder:
                    return FindingText.Invariant(
                        "it fits in the {0} bytes free {1}, but before glibc 2.32 TLS descriptor (TLSDESC) users loaded first may take the whole surplus (glibc bug 25051), so load order decides",
                        outcome.ReserveBytes, AfterHost(outcome));
                case BudgetRule.DtvSurplusExceeded:
                    return FindingText.Invariant(
                        "before glibc 2.22 a module given static TLS after startup must have a TLS module id of at most 14 once the process has threads, and {0} gets id {1} (every module with TLS counts, the host's own first)",
                        outcome.Culprit!.Name, outcome.ModuleId ?? 0);
                case BudgetRule.NoSurplus:
                    return libc.Kind == LibcKind.Bionic
                        ? "bionic refuses initial-exec TLS into a dlopen'd library whatever its size"
                        : "musl refuses initial-exec TLS into a module loaded by dlopen whatever its size";
                case BudgetRule.NoElfTls:
                    return FindingText.Invariant(
                        "Android before API level 29 has no ELF TLS: a dlopen'd library with a TLS block ({0}) fails whatever its TLS model, TLS descriptors included",
                        outcome.Culprit!.Name);
                case BudgetRule.FreeBsdReserve:
                case BudgetRule.FreeBsdPadding:
                    return FreeBsd(outcome);
                case BudgetRule.Fits:
                    return libc.Kind == LibcKind.FreeBsd
                        ? FreeBsd(outcome)
                        : FindingText.Invariant("it fits in the {0} guaranteed bytes of the {1} free", outcome.GuaranteedBytes, outcome.ReserveBytes);
                default:
                    return "";
            }
        }

        /// <summary>"in the dotnet host after its startup TLS (184 bytes used, surplus 1664)", with what its own runtime libraries took.</summary>
        private static string AfterHost(BudgetOutcome outcome)
        {
            var host = outcome.Host == null ? "the host" : LibcText.Host(outcome.Host.Kind);
            var text = FindingText.Invariant("in {0} after its startup TLS ({1} bytes used, surplus {2})", host, outcome.StartupBytes, outcome.SurplusBytes);
            if (outcome.TakenByHostBytes > 0)
            {
                text += FindingText.Invariant(" and the {0} bytes its own runtime libraries took through TLS descriptors", outcome.TakenByHostBytes);
            }

            return text;
        }

        private static string FreeBsd(BudgetOutcome outcome)
        {
            var text = FindingText.Invariant(
                "FreeBSD's rtld keeps {0} spare bytes of static TLS for modules loaded later (DF_STATIC_TLS or TP-relative relocations)", outcome.ReserveBytes);
            if (outcome.StaticTlsExtra.HasValue && outcome.StaticTlsExtra.Value != outcome.RequiredBytes)
            {
                text += FindingText.Invariant(
                    "; the blocks need {0} bytes, up to {1} with the alignment padding where the startup TLS ends", outcome.RequiredBytes, outcome.StaticTlsExtra.Value);
            }

            return text;
        }
    }
}
