using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// musl (ldso/dynlink.c, since 1.1.20) and bionic (linker_relocate.cpp) keep no surplus: an initial-exec relocation
    /// that resolves to a module loaded after startup fails the dlopen, whatever the block's size.
    /// </summary>
    internal sealed class NoSurplusBudgetModel : LibcBudgetModel
    {
        public NoSurplusBudgetModel(TargetLibc libc)
            : base(libc)
        {
        }

        public override BudgetOutcome Evaluate(IReadOnlyList<StaticTlsConsumer> consumers, IReadOnlyList<StaticTlsConsumer> flagOnly, ElfPlatform platform)
        {
            if (consumers.Count == 0)
            {
                return new BudgetOutcome { Verdict = Verdict.None, Rule = BudgetRule.NoStaticTls };
            }

            return new BudgetOutcome
            {
                Verdict = Verdict.Fails,
                Rule = BudgetRule.NoSurplus,
                RequiredBytes = PackedSize(consumers),
                Counted = consumers,
                Culprit = consumers[0],
            };
        }
    }
}
