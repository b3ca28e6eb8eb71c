using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// One glibc release's verdict on a set of initial-exec blocks dlopen'ed into a host process, in load order: each
    /// must be placed by _dl_try_allocate_static_tls (CHECK_STATIC_TLS, elf/dl-reloc.c l.141: "cannot allocate memory in
    /// static TLS block"); they fit for sure only if they are still placed after TLS descriptor users loaded first took
    /// everything they may (the optional pool from 2.32, any free byte before).
    /// </summary>
    internal static class GlibcReleaseBudget
    {
        public static BudgetOutcome Evaluate(GlibcProcess process, BudgetInput input)
        {
            var area = process.Area;
            var takeable = area.TakeableByDescriptors;
            var outcome = new BudgetOutcome
            {
                Machine = input.Platform.Name,
                Host = process.Host,
                ReserveBytes = area.Free,
                GuaranteedBytes = area.Free - takeable,
                StartupBytes = area.StartupUsed,
                TakenByHostBytes = process.TakenByHost,
                SurplusBytes = process.Surplus,
                OptionalBytes = process.Optional,
                Namespaces = process.Namespaces,
                StaticAlign = area.StaticAlign,
                LibcBlock = process.Libc,
                LibcBlockRead = process.LibcRead,
                Counted = input.Consumers,
            };
            if (input.Consumers.Count == 0)
            {
                return outcome with { Verdict = Verdict.None, Rule = BudgetRule.NoStaticTls };
            }

            outcome = outcome with { RequiredBytes = Required(area, input.Consumers) };
            var loaded = area.Copy();
            foreach (var consumer in input.Consumers)
            {
                var placement = loaded.TryAllocate(consumer.Block, optional: false);
                if (placement == Placement.OverAligned)
                {
                    return outcome with { Verdict = Verdict.Fails, Rule = BudgetRule.OverAligned, Culprit = consumer };
                }

                if (placement != Placement.Placed)
                {
                    return outcome with { Verdict = Verdict.Fails, Rule = BudgetRule.ExceedsReserve, Culprit = consumer };
                }
            }

            var (moduleId, beyondDtv) = BeyondDtvSurplus(process, input);
            if (beyondDtv != null)
            {
                return outcome with { Verdict = Verdict.Fails, Rule = BudgetRule.DtvSurplusExceeded, Culprit = beyondDtv, ModuleId = moduleId };
            }

            var afterDescriptors = area.Copy();
            if (takeable > 0)
            {
                afterDescriptors.TryAllocate(StaticBlock.Plain("TLS descriptor users", takeable), optional: true);
            }

            foreach (var consumer in input.Consumers)
            {
                if (afterDescriptors.TryAllocate(consumer.Block, optional: false) != Placement.Placed)
                {
                    return outcome with
                    {
                        Verdict = Verdict.AtRisk,
                        Rule = area.PoolLimited ? BudgetRule.BeyondGuaranteed : BudgetRule.LegacyLoadOrder,
                    };
                }
            }

            return outcome with { Verdict = Verdict.Fits, Rule = BudgetRule.Fits };
        }

        /// <summary>What the blocks take with their padding, placed as the loader would with room for all of them.</summary>
        private static long Required(StaticTlsArea area, IReadOnlyList<StaticTlsConsumer> consumers)
        {
            var unbounded = area.Unbounded();
            foreach (var consumer in consumers)
            {
                unbounded.TryAllocate(consumer.Block, optional: false);
            }

            return unbounded.Used - area.Used;
        }

        /// <summary>
        /// Before glibc 2.22 a module placed in static TLS after startup fails when its TLS module id exceeds DTV_SURPLUS
        /// and the process has threads. Ids count every TLS module in creation order: the startup modules with PT_TLS,
        /// the host's own dlopen'ed TLS modules, then each mapped module with PT_TLS.
        /// </summary>
        private static (int? ModuleId, StaticTlsConsumer? Culprit) BeyondDtvSurplus(GlibcProcess process, BudgetInput input)
        {
            if (!process.Release.LimitsStaticTlsModuleIds || !process.Host.Multithreaded)
            {
                return (null, null);
            }

            var names = new Dictionary<string, StaticTlsConsumer>(System.StringComparer.Ordinal);
            foreach (var consumer in input.Consumers)
            {
                names[consumer.Name] = consumer;
            }

            var id = process.Host.StartupBeforeLibc.Count + 1 + process.Host.Dlopened.Count;
            foreach (var module in input.TlsModules)
            {
                id++;
                if (id > GlibcRelease.DtvSurplus && names.TryGetValue(module.Name, out var consumer))
                {
                    return (id, consumer);
                }
            }

            return (null, null);
        }
    }
}
