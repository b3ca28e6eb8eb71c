using System;
using System.Collections.Generic;
using TlsGuard.Core.Knowledge;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The verdict for one shared object on its own: closure, attribution, the C library's budget, remedy.</summary>
    internal sealed class LibraryJudge
    {
        private readonly ScanMemo _scans;
        private readonly DependencyResolver _resolver;
        private readonly StartupSet _startup;
        private readonly ISet<string> _inputPaths;
        private readonly BudgetModels _models;

        public LibraryJudge(ScanMemo scans, DependencyResolver resolver, StartupSet startup, ISet<string> inputPaths, BudgetModels models)
        {
            _scans = scans;
            _resolver = resolver;
            _startup = startup;
            _inputPaths = inputPaths;
            _models = models;
        }

        public LibraryJudgement Judge(ScannedLibrary library)
        {
            var scan = library.Scan;
            var closure = DependencyClosure.Build(library, _resolver, _startup);
            var missing = MissingOf(library, closure);
            var flag = scan.DfStaticTls && scan.TlsBlock != null && !scan.HasStaticTls ? new FlagWithoutRelocation(library.Input, scan.TlsBlock.Size) : null;
            var model = _models.For(library.Target);
            var target = library.Target with { Libc = model.Resolve(scan.Platform) };
            var verdict = new LibraryVerdict(library.Input, scan, target.Libc);
            if (closure.Root.IsStartup)
            {
                return new LibraryJudgement(verdict with { IsStartupLibrary = true }, missing, flag, null, new BudgetInput(new StaticTlsConsumer[0], new StaticTlsConsumer[0], new TlsModule[0], scan.Platform));
            }

            var attribution = StaticTlsAttribution.Collect(closure, _inputPaths);
            var input = new BudgetInput(attribution.Consumers, attribution.FlagOnly, attribution.TlsModules, scan.Platform);
            var budget = model.Evaluate(input);
            var hazards = library.Libc.IsGlibc ? attribution.DynamicFirstHazards : new StaticTlsConsumer[0];
            var level = budget.Verdict;
            if (attribution.Unattributed.Count > 0 || hazards.Count > 0)
            {
                level = Max(level, Verdict.AtRisk);
            }

            var consumers = budget.Counted.Count > 0 ? budget.Counted : attribution.Consumers;
            var offender = budget.Culprit ?? Largest(consumers);
            verdict = verdict with
            {
                Verdict = level,
                RequiredStaticTlsBytes = budget.RequiredBytes,
                ReserveBytes = budget.ReserveBytes,
                GuaranteedBytes = budget.GuaranteedBytes,
                Chain = offender != null && offender.Chain.Count > 1 ? offender.Chain : new string[0],
                Consumers = consumers,
                Offender = offender,
                Budget = budget,
                Unattributed = attribution.Unattributed,
                LoadOrderHazards = hazards,
                Remedy = level >= Verdict.AtRisk ? RemedyFor(library, offender, budget) : null,
            };
            var mismatch = LibcCompatibility.Judge(library.Input, scan, target, verdict);
            var dependency = DependencyMismatch(closure, library, target);
            if (dependency is (LibcMismatch inherited, ModuleNode module)
                && (mismatch == null ? inherited.Verdict > verdict.Verdict : StopsFirst(inherited, mismatch)))
            {
                // The loader maps the whole closure or nothing: a dependency it refuses fails the library that needs it,
                // with that dependency's error. The dependency is the root cause and is reported on its own, once: as an
                // input of its own, or else here, naming this library as what pulls it in (LoadAnalyzer merges repeats).
                verdict = verdict with { Verdict = Max(verdict.Verdict, inherited.Verdict), Mismatch = inherited, Chain = module.Chain() };
                mismatch = _inputPaths.Contains(PathText.FullPath(module.Path!)) ? null : inherited with { PulledInBy = new[] { library.Input } };
            }
            else if (mismatch != null)
            {
                verdict = verdict with { Verdict = Max(verdict.Verdict, mismatch.Verdict), Mismatch = mismatch };
            }

            return new LibraryJudgement(verdict, missing, flag, mismatch, input);
        }

        /// <summary>
        /// The worst C-library mismatch among the modules the app ships with this library (found beside it, through its
        /// RPATH/RUNPATH or search folders, or among the app's libraries). The system's own libraries (this machine, a
        /// sysroot) are built for that system and are not judged: standing in for another glibc version, they would not be
        /// the target's copies.
        /// </summary>
        private static (LibcMismatch Mismatch, ModuleNode Module)? DependencyMismatch(DependencyClosure closure, ScannedLibrary library, LoadTarget target)
        {
            (LibcMismatch, ModuleNode)? worst = null;
            var order = closure.LoadOrder;
            for (var i = 0; i < order.Count; i++)
            {
                var node = order[i];
                if (node == closure.Root || node.IsStartup || node.Scan == null || node.Path == null
                    || node.Origin == ModuleOrigin.ThisMachine || node.Origin == ModuleOrigin.Sysroot)
                {
                    continue;
                }

                var input = new LibraryInput(node.Path);
                var found = LibcCompatibility.Judge(input, node.Scan, target, new LibraryVerdict(input, node.Scan, library.Libc));
                if (found != null && (worst == null || found.Verdict > worst.Value.Item1.Verdict))
                {
                    worst = (found, node);
                }
            }

            return worst;
        }

        /// <summary>
        /// True when the loader meets the dependency's failure before the library's own: a missing file stops the mapping
        /// of the closure (glibc's _dl_map_object_deps, musl's load_deps), before symbols, versions and TLS relocations of
        /// the library are looked at. Its own problem then stays hidden until the dependency is fixed.
        /// </summary>
        private static bool StopsFirst(LibcMismatch dependency, LibcMismatch own) =>
            dependency.Verdict == Verdict.Fails
            && dependency.Reason == LibcMismatchReason.NeedsOtherLibcFile
            && own.Reason != LibcMismatchReason.NeedsOtherLibcFile;

        private Remedy RemedyFor(ScannedLibrary library, StaticTlsConsumer? offender, BudgetOutcome budget)
        {
            return offender == null
                ? RemedyAdvisor.For(library.ModuleName, library.Scan, library.Libc, null)
                : RemedyAdvisor.For(offender.Name, ScanOf(offender), library.Libc, budget);
        }

        private ElfScanResult? ScanOf(StaticTlsConsumer consumer)
        {
            if (consumer.Path.Length == 0)
            {
                return null;
            }

            foreach (var result in _scans.Scan(consumer.Path))
            {
                if (result.IsSharedObject)
                {
                    return result;
                }
            }

            return null;
        }

        private static List<MissingDependency> MissingOf(ScannedLibrary library, DependencyClosure closure)
        {
            var decisions = new List<MissingDependency>();
            foreach (var missing in closure.Missing)
            {
                var chain = missing.Requester == closure.Root ? new string[0] : Tail(missing.Requester.Chain());
                decisions.Add(new MissingDependency(library.Input, missing.Requester.Name, chain, missing.Needed, missing.Searched) { Target = library.Target, Platform = library.Scan.Platform });
            }

            return decisions;
        }

        private static IReadOnlyList<string> Tail(IReadOnlyList<string> chain)
        {
            var tail = new List<string>(chain);
            if (tail.Count > 0)
            {
                tail.RemoveAt(0);
            }

            return tail;
        }

        private static StaticTlsConsumer? Largest(IReadOnlyList<StaticTlsConsumer> consumers)
        {
            StaticTlsConsumer? largest = null;
            foreach (var consumer in consumers)
            {
                if (largest == null || consumer.Size > largest.Size)
                {
                    largest = consumer;
                }
            }

            return largest;
        }

        private static Verdict Max(Verdict a, Verdict b) => a >= b ? a : b;
    }

    /// <summary>A library's verdict with the decisions found on the way and what the set budget needs from it.</summary>
    internal sealed record LibraryJudgement(
        LibraryVerdict Verdict,
        IReadOnlyList<MissingDependency> Missing,
        FlagWithoutRelocation? Flag,
        LibcMismatch? Mismatch,
        BudgetInput Input);
}
