using System.Collections.Generic;
using System.Globalization;
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

        public override BudgetEvaluation Evaluate(IReadOnlyList<StaticTlsConsumer> consumers, IReadOnlyList<StaticTlsConsumer> flagOnly, ElfPlatform platform)
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
                return new BudgetEvaluation { Verdict = Verdict.None, ReserveBytes = StaticTlsExtra, GuaranteedBytes = StaticTlsExtra };
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
            return new BudgetEvaluation
            {
                Verdict = fails ? Verdict.Fails : Verdict.Fits,
                RequiredBytes = used,
                ReserveBytes = StaticTlsExtra,
                GuaranteedBytes = StaticTlsExtra,
                Counted = all,
                Culprit = overflow,
                Reason = string.Format(
                    CultureInfo.InvariantCulture,
                    "FreeBSD's rtld keeps {0} spare bytes of static TLS for modules loaded later (DF_STATIC_TLS or TP-relative relocations){1}",
                    StaticTlsExtra,
                    fails ? " ('No space available for static Thread Local Storage')" : ""),
            };
        }
    }
}
