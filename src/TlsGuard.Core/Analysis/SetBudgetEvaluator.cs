using System;
using System.Collections.Generic;
using System.Globalization;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Knowledge;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Static TLS is never given back, so the libraries one process loads add up. One budget per C library and machine;
    /// TLS006 when libraries that each load alone overflow the reserve together.
    /// </summary>
    internal sealed class SetBudgetEvaluator
    {
        private readonly AnalysisOptions _options;

        public SetBudgetEvaluator(AnalysisOptions options)
        {
            _options = options;
        }

        public IReadOnlyList<LoadBudget> Evaluate(IReadOnlyList<LibraryEvaluation> evaluations, List<Finding> findings)
        {
            var groups = new List<List<LibraryEvaluation>>();
            var byKey = new Dictionary<(string Libc, ElfPlatform Platform), List<LibraryEvaluation>>();
            foreach (var evaluation in evaluations)
            {
                if (!byKey.TryGetValue(evaluation.GroupKey, out var group))
                {
                    group = new List<LibraryEvaluation>();
                    byKey[evaluation.GroupKey] = group;
                    groups.Add(group);
                }

                group.Add(evaluation);
            }

            var budgets = new List<LoadBudget>();
            foreach (var group in groups)
            {
                budgets.Add(Budget(group));
                ReportOverflow(group, findings);
            }

            return budgets;
        }

        private LoadBudget Budget(List<LibraryEvaluation> group)
        {
            var first = group[0].Library;
            var model = LibcBudgetModel.For(first.Libc, _options);
            var consumers = Union(group, c => c.Consumers);
            var flagOnly = Union(group, c => c.FlagOnly);
            var result = model.Evaluate(consumers, flagOnly, first.Scan.Platform);
            var names = new List<string>();
            foreach (var evaluation in group)
            {
                names.Add(evaluation.Library.ModuleName);
            }

            return new LoadBudget
            {
                Libc = first.Libc.Name,
                Platform = first.Scan.Platform,
                ReserveBytes = result.ReserveBytes,
                RequiredBytes = result.RequiredBytes,
                GuaranteedBytes = result.GuaranteedBytes,
                Verdict = result.Verdict,
                Libraries = names,
                Consumers = result.Counted,
                GlibcTunables = result.TunableValue.HasValue && model.HasTunable
                    ? RemedyAdvisor.TunablePrefix + result.TunableValue.Value.ToString(CultureInfo.InvariantCulture)
                    : null,
            };
        }

        /// <summary>Libraries that fail alone are reported alone; TLS006 is for those that load alone but not together.</summary>
        private void ReportOverflow(List<LibraryEvaluation> group, List<Finding> findings)
        {
            var loadable = new List<LibraryEvaluation>();
            foreach (var evaluation in group)
            {
                if (evaluation.Assessment.Verdict < Verdict.Fails && (evaluation.Consumers.Count > 0 || evaluation.FlagOnly.Count > 0))
                {
                    loadable.Add(evaluation);
                }
            }

            if (loadable.Count < 2)
            {
                return;
            }

            var first = loadable[0].Library;
            var model = LibcBudgetModel.For(first.Libc, _options);
            var result = model.Evaluate(Union(loadable, c => c.Consumers), Union(loadable, c => c.FlagOnly), first.Scan.Platform);
            if (result.Verdict != Verdict.Fails)
            {
                return;
            }

            var members = new List<string>();
            var memberNames = new List<string>();
            LibraryEvaluation? failing = null;
            foreach (var evaluation in loadable)
            {
                long bytes = 0;
                foreach (var consumer in evaluation.Consumers)
                {
                    bytes += consumer.Size;
                }

                foreach (var consumer in evaluation.FlagOnly)
                {
                    bytes += consumer.Size;
                }

                members.Add(FindingText.Invariant("{0} ({1} bytes)", evaluation.Library.ModuleName, bytes));
                memberNames.Add(evaluation.Library.ModuleName);
                if (failing == null && result.Culprit != null && Contains(evaluation, result.Culprit))
                {
                    failing = evaluation;
                }
            }

            failing ??= loadable[loadable.Count - 1];
            var largest = Largest(result.Counted);
            var remedy = RemedyAdvisor.For(largest.Name, null, first.Libc, result.TunableValue);
            var remedyText = "load fewer of them into one process, or fix the largest one (" + largest.Name + "); " + remedy.Summary;
            var message = FindingText.Invariant(
                DiagnosticCatalog.LoadSetOverflows.MessageFormat,
                FindingText.List(members),
                result.RequiredBytes,
                result.ReserveBytes,
                FindingText.Target(first.Libc, first.Scan.Platform.Name),
                remedyText);
            var sorted = new List<string>(memberNames);
            sorted.Sort(StringComparer.Ordinal);
            var properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["libraries"] = string.Join(",", memberNames),
                ["requiredBytes"] = result.RequiredBytes.ToString(CultureInfo.InvariantCulture),
                ["reserveBytes"] = result.ReserveBytes.ToString(CultureInfo.InvariantCulture),
                ["libc"] = first.Libc.Name,
                ["machine"] = first.Scan.Platform.Name,
            };
            if (remedy.GlibcTunables != null)
            {
                properties["tunable"] = remedy.GlibcTunables;
            }

            findings.Add(new Finding(DiagnosticCatalog.LoadSetOverflows, failing.Library.Input.Path, message)
            {
                PackageId = failing.Library.Input.PackageId,
                PackageVersion = failing.Library.Input.PackageVersion,
                Fingerprint = string.Join("|", DiagnosticCatalog.LoadSetOverflows.Id, first.Libc.Name, first.Scan.Platform.Name, string.Join(",", sorted))
                    + "|" + result.RequiredBytes.ToString(CultureInfo.InvariantCulture),
                Properties = properties,
            });
        }

        private static bool Contains(LibraryEvaluation evaluation, StaticTlsConsumer consumer)
        {
            foreach (var own in evaluation.Consumers)
            {
                if (own.Name == consumer.Name)
                {
                    return true;
                }
            }

            foreach (var own in evaluation.FlagOnly)
            {
                if (own.Name == consumer.Name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Each module once (by name: the loader maps a soname once), in input order.</summary>
        private static List<StaticTlsConsumer> Union(IEnumerable<LibraryEvaluation> evaluations, Func<LibraryEvaluation, IReadOnlyList<StaticTlsConsumer>> select)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var union = new List<StaticTlsConsumer>();
            foreach (var evaluation in evaluations)
            {
                foreach (var consumer in select(evaluation))
                {
                    if (seen.Add(consumer.Name))
                    {
                        union.Add(consumer);
                    }
                }
            }

            return union;
        }

        private static StaticTlsConsumer Largest(IReadOnlyList<StaticTlsConsumer> consumers)
        {
            var largest = consumers[0];
            foreach (var consumer in consumers)
            {
                if (consumer.Size > largest.Size)
                {
                    largest = consumer;
                }
            }

            return largest;
        }
    }
}
