using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>One budget model per target C library for the whole analysis: libraries and sets of one target share it.</summary>
    internal sealed class BudgetModels
    {
        private readonly BudgetContext _context;
        private readonly Dictionary<string, LibcBudgetModel> _models = new Dictionary<string, LibcBudgetModel>(StringComparer.Ordinal);

        public BudgetModels(AnalysisOptions options, ScanMemo scans)
        {
            _context = new BudgetContext(options, scans);
        }

        public LibcBudgetModel For(TargetLibc libc)
        {
            if (!_models.TryGetValue(libc.Name, out var model))
            {
                model = LibcBudgetModel.For(libc, _context);
                _models.Add(libc.Name, model);
            }

            return model;
        }
    }
}
