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
