using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// FreeBSD rtld (libexec/rtld-elf): modules loaded after startup share the spare static TLS (128 bytes by default;
    /// LD_STATIC_TLS_EXTRA sets it). Unlike glibc it is flag-driven: a DF_STATIC_TLS module takes its block at dlopen
    /// even without a TP-relative relocation. The arithmetic is <see cref="FreeBsdStaticTls"/>; the remedy is the
    /// LD_STATIC_TLS_EXTRA value that holds the set wherever the startup TLS ends.
    /// </summary>
    internal sealed class FreeBsdBudgetModel : LibcBudgetModel
    {
        public FreeBsdBudgetModel(TargetLibc libc, BudgetContext context)
            : base(libc, context)
        {
        }

        public override BudgetOutcome Evaluate(BudgetInput input)
        {
            var all = new List<StaticTlsConsumer>(input.Consumers);
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var consumer in input.Consumers)
            {
                names.Add(consumer.Name);
            }

            foreach (var consumer in input.FlagOnly)
            {
                if (names.Add(consumer.Name))
                {
                    all.Add(consumer);
                }
            }

            var extra = FreeBsdStaticTls.DefaultExtra;
            var outcome = new BudgetOutcome
            {
                Machine = input.Platform.Name,
                Judged = JudgedLibc.Unversioned(LibcKind.FreeBsd),
                ReserveBytes = extra,
                GuaranteedBytes = extra,
                Counted = all,
            };
            if (all.Count == 0)
            {
                return outcome with { Verdict = Verdict.None, Rule = BudgetRule.NoStaticTls };
            }

            var variantTwo = FreeBsdStaticTls.IsVariantTwo(input.Platform.Name);
            var aligned = FreeBsdStaticTls.Needed(all, variantTwo, 0);
            var anywhere = FreeBsdStaticTls.NeededAnywhere(all, variantTwo);
            outcome = outcome with { RequiredBytes = aligned };
            if (anywhere <= extra)
            {
                return outcome with { Verdict = Verdict.Fits, Rule = BudgetRule.Fits };
            }

            outcome = outcome with { StaticTlsExtra = anywhere, Culprit = FirstBeyond(all, variantTwo, extra) };
            return aligned > extra
                ? outcome with { Verdict = Verdict.Fails, Rule = BudgetRule.FreeBsdReserve }
                : outcome with { Verdict = Verdict.AtRisk, Rule = BudgetRule.FreeBsdPadding };
        }

        /// <summary>The first block that no longer fits the spare bytes, from an aligned start (else the last).</summary>
        private static StaticTlsConsumer FirstBeyond(IReadOnlyList<StaticTlsConsumer> blocks, bool variantTwo, long extra)
        {
            var prefix = new List<StaticTlsConsumer>();
            foreach (var block in blocks)
            {
                prefix.Add(block);
                if (FreeBsdStaticTls.Needed(prefix, variantTwo, 0) > extra)
                {
                    return block;
                }
            }

            return blocks[blocks.Count - 1];
        }
    }
}
