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

        public override BudgetEvaluation Evaluate(IReadOnlyList<StaticTlsConsumer> consumers, IReadOnlyList<StaticTlsConsumer> flagOnly, ElfPlatform platform)
        {
            if (consumers.Count == 0)
            {
                return new BudgetEvaluation { Verdict = Verdict.None };
            }

            var reason = Libc.Kind == LibcKind.Bionic
                ? "bionic refuses initial-exec TLS into a dlopen'd library whatever its size ('dlopen failed: TLS symbol ... using IE access model')"
                : "musl refuses initial-exec TLS into a module loaded by dlopen whatever its size ('initial-exec TLS resolves to dynamic definition')";
            return new BudgetEvaluation
            {
                Verdict = Verdict.Fails,
                RequiredBytes = PackedSize(consumers),
                Counted = consumers,
                Culprit = consumers[0],
                Reason = reason,
            };
        }
    }
}
