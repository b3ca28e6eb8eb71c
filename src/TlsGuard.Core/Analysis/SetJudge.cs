using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Knowledge;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Static TLS is never given back, so the libraries one process loads add up. One budget per C library and machine;
    /// an overflow decision (TLS006) when libraries that each load alone overflow the reserve together.
    /// </summary>
    internal sealed class SetJudge
    {
        private readonly BudgetModels _models;

        public SetJudge(BudgetModels models)
        {
            _models = models;
        }

        public (IReadOnlyList<LoadBudget> Budgets, IReadOnlyList<SetOverflow> Overflows) Judge(IReadOnlyList<SetCandidate> libraries)
        {
            var groups = new List<List<SetCandidate>>();
            var byKey = new Dictionary<(string Libc, ElfPlatform Platform), List<SetCandidate>>();
            foreach (var library in libraries)
            {
                var key = (library.Library.Libc.Name, library.Library.Scan.Platform);
                if (!byKey.TryGetValue(key, out var group))
                {
                    group = new List<SetCandidate>();
                    byKey[key] = group;
                    groups.Add(group);
                }

                group.Add(library);
            }

            var budgets = new List<LoadBudget>();
            var overflows = new List<SetOverflow>();
            foreach (var group in groups)
            {
                var model = _models.For(group[0].Library.Libc);
                budgets.Add(Budget(group, model));
                var overflow = Overflow(group, model);
                if (overflow != null)
                {
                    overflows.Add(overflow);
                }
            }

            return (budgets, overflows);
        }

        private static LoadBudget Budget(List<SetCandidate> group, LibcBudgetModel model)
        {
            var first = group[0].Library;
            var outcome = model.Evaluate(Union(group, c => c.Consumers), Union(group, c => c.FlagOnly), first.Scan.Platform);
            var names = new List<string>();
            foreach (var candidate in group)
            {
                names.Add(candidate.Library.ModuleName);
            }

            return new LoadBudget
            {
                Libc = first.Libc,
                Platform = first.Scan.Platform,
                ReserveBytes = outcome.ReserveBytes,
                RequiredBytes = outcome.RequiredBytes,
                GuaranteedBytes = outcome.GuaranteedBytes,
                Verdict = outcome.Verdict,
                Libraries = names,
                Consumers = outcome.Counted,
                Remedy = outcome.TunableValue.HasValue && model.HasTunable
                    ? new Remedy { Module = "", Libc = first.Libc, OptionalStaticTls = outcome.TunableValue }
                    : null,
            };
        }

        /// <summary>Libraries that fail alone are reported alone; an overflow is for those that load alone but not together.</summary>
        private static SetOverflow? Overflow(List<SetCandidate> group, LibcBudgetModel model)
        {
            var loadable = new List<SetCandidate>();
            foreach (var candidate in group)
            {
                if (candidate.Verdict < Verdict.Fails && (candidate.Consumers.Count > 0 || candidate.FlagOnly.Count > 0))
                {
                    loadable.Add(candidate);
                }
            }

            if (loadable.Count < 2)
            {
                return null;
            }

            var first = loadable[0].Library;
            var outcome = model.Evaluate(Union(loadable, c => c.Consumers), Union(loadable, c => c.FlagOnly), first.Scan.Platform);
            if (outcome.Verdict != Verdict.Fails)
            {
                return null;
            }

            var members = new List<SetMember>();
            SetCandidate? failing = null;
            foreach (var candidate in loadable)
            {
                long bytes = 0;
                foreach (var consumer in candidate.Consumers)
                {
                    bytes += consumer.Size;
                }

                foreach (var consumer in candidate.FlagOnly)
                {
                    bytes += consumer.Size;
                }

                members.Add(new SetMember(candidate.Library.ModuleName, bytes));
                if (failing == null && outcome.Culprit != null && Contains(candidate, outcome.Culprit))
                {
                    failing = candidate;
                }
            }

            failing ??= loadable[loadable.Count - 1];
            var largest = Largest(outcome.Counted);
            return new SetOverflow(
                failing.Library.Input,
                first.Libc,
                first.Scan.Platform,
                members,
                outcome,
                largest,
                RemedyAdvisor.For(largest.Name, null, first.Libc, outcome.TunableValue));
        }

        private static bool Contains(SetCandidate candidate, StaticTlsConsumer consumer)
        {
            foreach (var own in candidate.Consumers)
            {
                if (own.Name == consumer.Name)
                {
                    return true;
                }
            }

            foreach (var own in candidate.FlagOnly)
            {
                if (own.Name == consumer.Name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Each module once (by name: the loader maps a soname once), in input order.</summary>
        private static List<StaticTlsConsumer> Union(IEnumerable<SetCandidate> candidates, Func<SetCandidate, IReadOnlyList<StaticTlsConsumer>> select)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var union = new List<StaticTlsConsumer>();
            foreach (var candidate in candidates)
            {
                foreach (var consumer in select(candidate))
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

    /// <summary>A judged shared object as the set budget sees it: its verdict alone and the blocks it brings.</summary>
    internal sealed record SetCandidate(ScannedLibrary Library, Verdict Verdict, IReadOnlyList<StaticTlsConsumer> Consumers, IReadOnlyList<StaticTlsConsumer> FlagOnly);
}
