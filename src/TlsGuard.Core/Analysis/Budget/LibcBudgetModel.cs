using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>One C library's rule for static TLS in modules loaded after startup.</summary>
    internal abstract class LibcBudgetModel
    {
        protected LibcBudgetModel(TargetLibc libc, BudgetContext context)
        {
            Libc = libc;
            Context = context;
        }

        public TargetLibc Libc { get; }

        protected BudgetContext Context { get; }

        public abstract BudgetOutcome Evaluate(BudgetInput input);

        /// <summary>
        /// The C library a library of <paramref name="platform"/> really runs on: an unversioned glibc with a root file
        /// system is the release its libc.so.6 implements, so every verdict of that image names it ("glibc-2.36").
        /// </summary>
        public TargetLibc Resolve(ElfPlatform platform)
        {
            if (!Libc.IsGlibc || Libc.Version != null || string.IsNullOrEmpty(Context.Options.Sysroot))
            {
                return Libc;
            }

            var version = Context.Sysroot(platform).Version;
            return version == null ? Libc : TargetLibc.GlibcVersion(version);
        }

        public static LibcBudgetModel For(TargetLibc libc, BudgetContext context)
        {
            switch (libc.Kind)
            {
                case LibcKind.Musl:
                case LibcKind.Bionic:
                    return new NoSurplusBudgetModel(libc, context);
                case LibcKind.FreeBsd:
                    return new FreeBsdBudgetModel(libc, context);
                default:
                    return new GlibcBudgetModel(libc, context);
            }
        }
    }
}
