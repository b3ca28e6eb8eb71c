using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// FreeBSD rtld (libexec/rtld-elf): modules loaded after startup share RTLD_STATIC_TLS_EXTRA = 128 spare bytes.
    /// Unlike glibc it is flag-driven: a DF_STATIC_TLS module takes its block at dlopen even without a TP-relative relocation.
    /// </summary>
    internal sealed class FreeBsdBudgetModel : LibcBudgetModel
    {
        public const long StaticTlsExtra = 128;

        public FreeBsdBudgetModel(TargetLibc libc)
            : base(libc)
        {
        }

        public override BudgetOutcome Evaluate(IReadOnlyList<StaticTlsConsumer> consumers, IReadOnlyList<StaticTlsConsumer> flagOnly, ElfPlatform platform)
        {
            var all = new List<StaticTlsConsumer>(consumers);
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var consumer in consumers)
            {
                names.Add(consumer.Name);
            }

            foreach (var consumer in flagOnly)
            {
                if (names.Add(consumer.Name))
                {
                    all.Add(consumer);
                }
            }

            if (all.Count == 0)
            {
                return new BudgetOutcome { Verdict = Verdict.None, Rule = BudgetRule.NoStaticTls, ReserveBytes = StaticTlsExtra, GuaranteedBytes = StaticTlsExtra };
            }

            long used = 0;
            StaticTlsConsumer? overflow = null;
            foreach (var block in all)
            {
                used = StaticTlsMath.RoundUp(used, block.Align) + block.Size;
                if (overflow == null && used > StaticTlsExtra)
                {
                    overflow = block;
                }
            }

            var fails = used > StaticTlsExtra;
            return new BudgetOutcome
            {
                Verdict = fails ? Verdict.Fails : Verdict.Fits,
                Rule = fails ? BudgetRule.FreeBsdReserve : BudgetRule.Fits,
                RequiredBytes = used,
                ReserveBytes = StaticTlsExtra,
                GuaranteedBytes = StaticTlsExtra,
                Counted = all,
                Culprit = overflow,
            };
        }
    }
}
