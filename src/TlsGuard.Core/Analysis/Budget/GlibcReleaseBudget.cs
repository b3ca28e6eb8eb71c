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
            var judged = Judge(process, input);
            return new BudgetOutcome
            {
                Verdict = judged.Verdict,
                Rule = judged.Rule,
                Culprit = judged.Culprit,
                ModuleId = judged.ModuleId,
                Machine = input.Platform.Name,
                Host = process.Host,
                RequiredBytes = input.Consumers.Count == 0 ? 0 : Required(area, input.Consumers),
                ReserveBytes = area.Free,
                GuaranteedBytes = area.Free - area.TakeableByDescriptors,
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
        }

        /// <summary>The verdict, its rule and the block the loader's error names, without the figures (the remedy search tries many settings).</summary>
        public static Judgement Judge(GlibcProcess process, BudgetInput input)
        {
            var consumers = input.Consumers;
            if (consumers.Count == 0)
            {
                return new Judgement(Verdict.None, BudgetRule.NoStaticTls, null, null);
            }

            var area = process.Area;
            var loaded = area.Copy();
            for (var i = 0; i < consumers.Count; i++)
            {
                var placement = loaded.TryAllocate(consumers[i].Block, optional: false);
                if (placement == Placement.OverAligned)
                {
                    return new Judgement(Verdict.Fails, BudgetRule.OverAligned, consumers[i], null);
                }

                if (placement != Placement.Placed)
                {
                    return new Judgement(Verdict.Fails, BudgetRule.ExceedsReserve, consumers[i], null);
                }
            }

            var (moduleId, beyondDtv) = BeyondDtvSurplus(process, input);
            if (beyondDtv != null)
            {
                return new Judgement(Verdict.Fails, BudgetRule.DtvSurplusExceeded, beyondDtv, moduleId);
            }

            var takeable = area.TakeableByDescriptors;
            var afterDescriptors = area.Copy();
            if (takeable > 0)
            {
                afterDescriptors.TryAllocate(StaticBlock.Plain("TLS descriptor users", takeable), optional: true);
            }

            for (var i = 0; i < consumers.Count; i++)
            {
                if (afterDescriptors.TryAllocate(consumers[i].Block, optional: false) != Placement.Placed)
                {
                    return new Judgement(Verdict.AtRisk, area.PoolLimited ? BudgetRule.BeyondGuaranteed : BudgetRule.LegacyLoadOrder, null, null);
                }
            }

            return new Judgement(Verdict.Fits, BudgetRule.Fits, null, null);
        }

        /// <summary>What the blocks take with their padding, placed as the loader would with room for all of them.</summary>
        private static long Required(StaticTlsArea area, IReadOnlyList<StaticTlsConsumer> consumers)
        {
            var unbounded = area.Unbounded();
            for (var i = 0; i < consumers.Count; i++)
            {
                unbounded.TryAllocate(consumers[i].Block, optional: false);
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

    /// <summary>What one release does with a set of blocks, before the figures are written down.</summary>
    internal readonly record struct Judgement(Verdict Verdict, BudgetRule Rule, StaticTlsConsumer? Culprit, int? ModuleId);
}
