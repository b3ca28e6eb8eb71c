using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>One C library's rule for static TLS in modules loaded after startup.</summary>
    internal abstract class LibcBudgetModel
    {
        protected LibcBudgetModel(TargetLibc libc)
        {
            Libc = libc;
        }

        public TargetLibc Libc { get; }

        /// <summary>Can GLIBC_TUNABLES change the budget?</summary>
        public virtual bool HasTunable => false;

        /// <param name="consumers">Blocks that relocations force into static TLS, in load order.</param>
        /// <param name="flagOnly">Blocks of DF_STATIC_TLS modules without such relocations (only FreeBSD places these).</param>
        /// <param name="platform">The ELF machine, class and byte order of the modules.</param>
        public abstract BudgetOutcome Evaluate(IReadOnlyList<StaticTlsConsumer> consumers, IReadOnlyList<StaticTlsConsumer> flagOnly, ElfPlatform platform);

        public static LibcBudgetModel For(TargetLibc libc, AnalysisOptions options)
        {
            switch (libc.Kind)
            {
                case LibcKind.Musl:
                case LibcKind.Bionic:
                    return new NoSurplusBudgetModel(libc);
                case LibcKind.FreeBsd:
                    return new FreeBsdBudgetModel(libc);
                default:
                    return new GlibcBudgetModel(libc, options);
            }
        }

        /// <summary>Bytes the blocks take when placed one after another from offset 0 (for loaders without a surplus model).</summary>
        protected static long PackedSize(IEnumerable<StaticTlsConsumer> blocks)
        {
            long used = 0;
            foreach (var block in blocks)
            {
                used = StaticTlsMath.RoundUp(used, block.Align) + block.Size;
            }

            return used;
        }
    }
}
