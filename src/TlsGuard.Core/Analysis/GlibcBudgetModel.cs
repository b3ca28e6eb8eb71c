using System.Collections.Generic;
using System.Globalization;
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

        private bool Tunable => Libc.Kind == LibcKind.Glibc;

        public override bool HasTunable => Tunable;

        public override BudgetEvaluation Evaluate(IReadOnlyList<StaticTlsConsumer> consumers, IReadOnlyList<StaticTlsConsumer> flagOnly, ElfPlatform platform)
        {
            var layout = MachineTlsLayout.For(platform);
            var startupUsed = _options.StartupStaticTlsBytes ?? layout.DotnetHostStartupBytes;
            var optional = Tunable ? (_options.OptionalStaticTls ?? StaticTlsMath.DefaultOptionalStaticTls) : StaticTlsMath.DefaultOptionalStaticTls;
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
            if (consumers.Count == 0)
            {
                return new BudgetEvaluation { Verdict = Verdict.None, ReserveBytes = reserve, GuaranteedBytes = guaranteed };
            }

            BudgetEvaluation Verdicted(Verdict verdict, string reason, StaticTlsConsumer? culprit = null, long? tunable = null) => new BudgetEvaluation
            {
                Verdict = verdict,
                RequiredBytes = required,
                ReserveBytes = reserve,
                GuaranteedBytes = guaranteed,
                Culprit = culprit,
                Counted = consumers,
                TunableValue = tunable,
                Reason = reason,
            };

            if (overAligned != null)
            {
                return Verdicted(
                    Verdict.Fails,
                    Format(
                        "the TLS block of {0} is aligned to {1} bytes, more than the {2}-byte static TLS alignment glibc fixed at startup on {3} (no reserve size helps)",
                        overAligned.Name, overAligned.Align, align, platform.Name),
                    overAligned);
            }

            if (required > reserve)
            {
                return Verdicted(
                    Verdict.Fails,
                    Format(
                        "{0} bytes of static TLS are free after the host's startup TLS ({1} bytes used, surplus {2})",
                        reserve, startupUsed, surplus),
                    overflow,
                    Tunable ? SuggestedTunable(startupUsed, used, align) : (long?)null);
            }

            if (required > guaranteed)
            {
                var tunable = Tunable ? SuggestedTunable(startupUsed, used + StaticTlsMath.DefaultOptionalStaticTls, align) : (long?)null;
                return Verdicted(
                    Verdict.AtRisk,
                    Tunable
                        ? Format(
                            "it fits in the {0} free bytes, but only {1} are guaranteed: TLS descriptor (TLSDESC) users, the default on aarch64 (.NET's own libcoreclr there), may take up to {2} bytes first",
                            reserve, guaranteed, optional)
                        : Format(
                            "it fits in the {0} free bytes, but before glibc 2.32 TLS descriptor (TLSDESC) users may take the whole surplus first (glibc bug 25051), so load order decides",
                            reserve),
                    tunable: tunable.HasValue && tunable.Value > optional ? tunable : null);
            }

            return Verdicted(Verdict.Fits, Format("it fits in the {0} guaranteed bytes of the {1} free", guaranteed, reserve));
        }

        /// <summary>The smallest optional_static_tls reaching <paramref name="usedAfterLoad"/>, rounded up to a multiple of 64.</summary>
        private static long SuggestedTunable(long startupUsed, long usedAfterLoad, long align)
        {
            var minimum = StaticTlsMath.MinimumOptionalStaticTls(startupUsed, usedAfterLoad, align);
            return StaticTlsMath.RoundUp(minimum, StaticTlsMath.TunableStep);
        }

        private static string Format(string format, params object[] args)
        {
            return string.Format(CultureInfo.InvariantCulture, format, args);
        }
    }
}
