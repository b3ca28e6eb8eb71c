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
            var byKey = new Dictionary<(string Libc, string? Sysroot, ElfPlatform Platform), List<SetCandidate>>();
            foreach (var library in libraries)
            {
                var key = (library.Library.Libc.Name, library.Library.Target.Sysroot, library.Library.Scan.Platform);
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
                var model = _models.For(group[0].Library.Target);
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
            var outcome = model.Evaluate(Union(group));
            var names = new List<string>();
            foreach (var candidate in group)
            {
                names.Add(candidate.Library.ModuleName);
            }

            // Named after the block the loader refuses (or the largest), so a known runtime's own fix replaces the tunable.
            var subject = outcome.Culprit ?? (outcome.Counted.Count > 0 ? Largest(outcome.Counted) : null);
            var remedy = outcome.Verdict >= Verdict.AtRisk && subject != null ? RemedyAdvisor.For(subject.Name, null, first.Libc, outcome) : null;
            return new LoadBudget
            {
                Libc = first.Libc,
                Platform = first.Scan.Platform,
                ReserveBytes = outcome.ReserveBytes,
                RequiredBytes = outcome.RequiredBytes,
                GuaranteedBytes = outcome.GuaranteedBytes,
                Verdict = outcome.Verdict,
                Outcome = outcome,
                Libraries = names,
                Consumers = outcome.Counted,
                Remedy = remedy != null && (remedy.GlibcTunables != null || remedy.LdStaticTlsExtra != null) ? remedy : null,
            };
        }

        /// <summary>Libraries that fail alone are reported alone; an overflow is for those that load alone but not together.</summary>
        private static SetOverflow? Overflow(List<SetCandidate> group, LibcBudgetModel model)
        {
            var loadable = new List<SetCandidate>();
            foreach (var candidate in group)
            {
                if (candidate.Verdict < Verdict.Fails && (candidate.Input.Consumers.Count > 0 || candidate.Input.FlagOnly.Count > 0))
                {
                    loadable.Add(candidate);
                }
            }

            if (loadable.Count < 2)
            {
                return null;
            }

            var first = loadable[0].Library;
            var outcome = model.Evaluate(Union(loadable));
            if (outcome.Verdict != Verdict.Fails)
            {
                return null;
            }

            var members = new List<SetMember>();
            SetCandidate? failing = null;
            foreach (var candidate in loadable)
            {
                long bytes = 0;
                foreach (var consumer in candidate.Input.Consumers)
                {
                    bytes += consumer.Size;
                }

                foreach (var consumer in candidate.Input.FlagOnly)
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
                RemedyAdvisor.For(largest.Name, null, first.Libc, outcome));
        }

        private static bool Contains(SetCandidate candidate, StaticTlsConsumer consumer)
        {
            foreach (var own in candidate.Input.Consumers)
            {
                if (own.Name == consumer.Name)
                {
                    return true;
                }
            }

            foreach (var own in candidate.Input.FlagOnly)
            {
                if (own.Name == consumer.Name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Each module once (by name: the loader maps a soname once), in input order.</summary>
        private static BudgetInput Union(IReadOnlyList<SetCandidate> candidates)
        {
            var consumers = Union(candidates, c => c.Input.Consumers, c => c.Name);
            var flagOnly = Union(candidates, c => c.Input.FlagOnly, c => c.Name);
            var modules = Union(candidates, c => c.Input.TlsModules, m => m.Name);
            return new BudgetInput(consumers, flagOnly, modules, candidates[0].Library.Scan.Platform);
        }

        private static List<T> Union<T>(IEnumerable<SetCandidate> candidates, Func<SetCandidate, IReadOnlyList<T>> select, Func<T, string> name)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var union = new List<T>();
            foreach (var candidate in candidates)
            {
                foreach (var item in select(candidate))
                {
                    if (seen.Add(name(item)))
                    {
                        union.Add(item);
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
    internal sealed record SetCandidate(ScannedLibrary Library, Verdict Verdict, BudgetInput Input);
}
