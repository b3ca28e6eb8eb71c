using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// One budget model per target C library and root file system for the whole analysis: libraries and sets of one target
    /// share it; an image's libraries are judged with that image's own libc.so.6.
    /// </summary>
    internal sealed class BudgetModels
    {
        private readonly AnalysisOptions _options;
        private readonly ScanMemo _scans;
        private readonly Memo<(string Libc, string? Sysroot), LibcBudgetModel> _models = new Memo<(string Libc, string? Sysroot), LibcBudgetModel>();

        public BudgetModels(AnalysisOptions options, ScanMemo scans)
        {
            _options = options;
            _scans = scans;
        }

        public LibcBudgetModel For(LoadTarget target)
        {
            return _models.Get((target.Libc.Name, target.Sysroot), (Models: this, Target: target), static (_, asked) =>
                LibcBudgetModel.For(asked.Target.Libc, new BudgetContext(asked.Models._options with { Sysroot = asked.Target.Sysroot }, asked.Models._scans)));
        }
    }
}
