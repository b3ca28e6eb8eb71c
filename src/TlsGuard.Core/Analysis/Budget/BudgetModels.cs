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
        private readonly Dictionary<(string Libc, string? Sysroot), LibcBudgetModel> _models = new Dictionary<(string Libc, string? Sysroot), LibcBudgetModel>();

        public BudgetModels(AnalysisOptions options, ScanMemo scans)
        {
            _options = options;
            _scans = scans;
        }

        public LibcBudgetModel For(LoadTarget target)
        {
            var key = (target.Libc.Name, target.Sysroot);
            if (!_models.TryGetValue(key, out var model))
            {
                model = LibcBudgetModel.For(target.Libc, new BudgetContext(_options with { Sysroot = target.Sysroot }, _scans));
                _models.Add(key, model);
            }

            return model;
        }
    }
}
