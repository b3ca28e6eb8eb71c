using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// glibc: blocks are placed one by one after the startup modules' U0 bytes, up to roundup(U0 + S, A) (elf/dl-tls.c,
    /// _dl_try_allocate_static_tls). Fails when a block is aligned above A or the area is full. From 2.32 the surplus
    /// S = 144*(2*nns-1) + 144 + optional_static_tls and TLSDESC users may take up to optional_static_tls of it first;
    /// before 2.32 S is a fixed 1664 that TLSDESC users may take entirely (BZ 25051).
    /// </summary>
    internal sealed class GlibcBudgetModel : LibcBudgetModel
    {
        private readonly AnalysisOptions _options;

        public GlibcBudgetModel(TargetLibc libc, AnalysisOptions options)
            : base(libc)
        {
            _options = options;
        }

        private bool Tunable => !Libc.IsGlibcBefore(2, 32);

        public override bool HasTunable => Tunable;

        public override BudgetOutcome Evaluate(IReadOnlyList<StaticTlsConsumer> consumers, IReadOnlyList<StaticTlsConsumer> flagOnly, ElfPlatform platform)
        {
            var layout = MachineTlsLayout.For(platform);
            var startupUsed = _options.StartupStaticTlsBytes ?? layout.DotnetHostStartupBytes;
            var optional = Tunable ? (_options.Tunables.OptionalStaticTls ?? StaticTlsMath.DefaultOptionalStaticTls) : StaticTlsMath.DefaultOptionalStaticTls;
            if (optional < 0)
            {
                optional = 0;
            }

            var surplus = Tunable ? StaticTlsMath.Surplus(optional) : StaticTlsMath.LegacySurplus;
            var align = layout.StaticAlign;
            var limit = StaticTlsMath.RoundUp(startupUsed + surplus, align);
            var reserve = limit - startupUsed;
            var guaranteed = Tunable ? reserve - optional : 0;

            StaticTlsConsumer? overAligned = null;
            StaticTlsConsumer? overflow = null;
            var used = startupUsed;
            foreach (var consumer in consumers)
            {
                if (overAligned == null && consumer.Align > align)
                {
                    overAligned = consumer;
                }

                used = layout.Place(used, consumer.Size, consumer.Align);
                if (overflow == null && used > limit)
                {
                    overflow = consumer;
                }
            }

            var required = used - startupUsed;
            var outcome = new BudgetOutcome
            {
                RequiredBytes = required,
                ReserveBytes = reserve,
                GuaranteedBytes = guaranteed,
                StartupBytes = startupUsed,
                SurplusBytes = surplus,
                OptionalBytes = optional,
                StaticAlign = align,
                Counted = consumers,
            };
            if (consumers.Count == 0)
            {
                return outcome with { Verdict = Verdict.None, Rule = BudgetRule.NoStaticTls, RequiredBytes = 0, Counted = consumers };
            }

            if (overAligned != null)
            {
                return outcome with { Verdict = Verdict.Fails, Rule = BudgetRule.OverAligned, Culprit = overAligned };
            }

            if (required > reserve)
            {
                return outcome with
                {
                    Verdict = Verdict.Fails,
                    Rule = BudgetRule.ExceedsReserve,
                    Culprit = overflow,
                    TunableValue = Tunable ? SuggestedTunable(startupUsed, used, align) : (long?)null,
                };
            }

            if (required > guaranteed)
            {
                var tunable = Tunable ? SuggestedTunable(startupUsed, used + StaticTlsMath.DefaultOptionalStaticTls, align) : (long?)null;
                return outcome with
                {
                    Verdict = Verdict.AtRisk,
                    Rule = Tunable ? BudgetRule.BeyondGuaranteed : BudgetRule.LegacyLoadOrder,
                    TunableValue = tunable.HasValue && tunable.Value > optional ? tunable : null,
                };
            }

            return outcome with { Verdict = Verdict.Fits, Rule = BudgetRule.Fits };
        }

        /// <summary>The smallest optional_static_tls reaching <paramref name="usedAfterLoad"/>, rounded up to a multiple of 64.</summary>
        private static long SuggestedTunable(long startupUsed, long usedAfterLoad, long align)
        {
            var minimum = StaticTlsMath.MinimumOptionalStaticTls(startupUsed, usedAfterLoad, align);
            return StaticTlsMath.RoundUp(minimum, StaticTlsMath.TunableStep);
        }
    }
}
