using System;
using System.Collections.Generic;
using TlsGuard.Core.Knowledge;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Answers "will it load?" for native libraries: resolves each shared object's dependency closure, finds the modules
    /// whose TLS must go into static TLS, and judges them against the target C library's reserve, alone and together.
    /// Returns decisions, never text; bad files never throw: they become <see cref="UnreadableFile"/> decisions.
    /// </summary>
    public static class LoadAnalyzer
    {
        /// <exception cref="ArgumentException">options.TargetLibc names no known C library.</exception>
        public static AnalysisReport Analyze(IReadOnlyList<LibraryInput> inputs, AnalysisOptions options, IScanSource? scanSource = null)
        {
            if (inputs == null)
            {
                throw new ArgumentNullException(nameof(inputs));
            }

            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var scans = new ScanMemo(scanSource ?? new DefaultScanSource(options.FileSystem), options.FileSystem);
            var systems = new SystemSearches(options);
            var startup = new StartupSet(options.StartupLibraries, options.Host);
            var targets = new List<(LibraryInput, LoadTarget)>(inputs.Count);
            foreach (var input in inputs)
            {
                targets.Add((input, LoadTarget.For(options, input)));
            }

            DependencyReadAhead.Run(targets, scans, systems, startup, options.FileSystem, options.ScanThreads);
            var scanned = Scan(targets, scans);
            var libraries = new List<ScannedLibrary>();
            var inputPaths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var input in scanned)
            {
                foreach (var file in input.Files)
                {
                    if (file.Library != null)
                    {
                        libraries.Add(file.Library);
                        inputPaths.Add(PathText.FullPath(input.Input.Path));
                    }
                }
            }

            var models = new BudgetModels(options, scans);
            var resolver = new DependencyResolver(options, scans, systems, libraries);
            var judge = new LibraryJudge(scans, resolver, startup, inputPaths, models);

            // Each library is judged on its own (its closure, its budget); the caches they share are safe from several
            // threads, and the decisions are then written in input order whatever order the judging finished in.
            var judgements = new LibraryJudgement[libraries.Count];
            ParallelWork.For(libraries.Count, options.ScanThreads, i => judgements[i] = judge.Judge(libraries[i]));
            var judged = new Dictionary<ScannedLibrary, LibraryJudgement>(ByReference<ScannedLibrary>.Comparer);
            for (var i = 0; i < libraries.Count; i++)
            {
                judged.Add(libraries[i], judgements[i]);
            }

            var decisions = new List<Decision>();
            var setCandidates = new List<SetCandidate>();
            var missing = new List<MissingDependency>();
            foreach (var input in scanned)
            {
                Decide(input, judged, decisions, setCandidates, missing);
            }

            MergeMismatchesOfDependencies(decisions);

            decisions.AddRange(RootCauses.Group(decisions));
            decisions.AddRange(MissingByName(missing, resolver));
            var (budgets, overflows) = new SetJudge(models).Judge(setCandidates);
            decisions.AddRange(overflows);
            return new AnalysisReport(decisions, budgets);
        }

        private static List<ScannedInput> Scan(IReadOnlyList<(LibraryInput Input, LoadTarget Target)> inputs, ScanMemo scans)
        {
            var scanned = new List<ScannedInput>();
            foreach (var (input, target) in inputs)
            {
                var files = new List<ScannedFile>();
                foreach (var result in scans.Scan(input.Path))
                {
                    files.Add(new ScannedFile(result, result.IsSharedObject ? new ScannedLibrary(input, result, target) : null));
                }

                scanned.Add(new ScannedInput(input, target.Libc, files));
            }

            return scanned;
        }

        /// <summary>The decisions about one input, in report order: per shared object its missing dependencies, flag note and verdict; then the file's own.</summary>
        private static void Decide(ScannedInput input, IReadOnlyDictionary<ScannedLibrary, LibraryJudgement> judged, List<Decision> decisions, List<SetCandidate> setCandidates, List<MissingDependency> missing)
        {
            if (input.Files.Count == 0)
            {
                var empty = new ElfScanResult { Path = input.Input.Path, Error = "not an ELF file or ar archive" };
                decisions.Add(new LibraryVerdict(input.Input, empty, input.Libc));
                decisions.Add(new UnreadableFile(input.Input, empty.Error));
                return;
            }

            var objects = new List<ElfScanResult>();
            string? error = null;
            foreach (var file in input.Files)
            {
                if (file.Library != null)
                {
                    var judgement = judged[file.Library];
                    missing.AddRange(judgement.Missing);
                    if (judgement.Flag != null)
                    {
                        decisions.Add(judgement.Flag);
                    }

                    decisions.Add(judgement.Verdict);
                    if (judgement.Mismatch != null)
                    {
                        decisions.Add(judgement.Mismatch);
                    }

                    setCandidates.Add(new SetCandidate(file.Library, judgement.Verdict.Verdict, judgement.Input));
                    continue;
                }

                var scan = file.Scan;
                error ??= scan.Error;
                if (scan.IsObjectFile)
                {
                    objects.Add(scan);
                }

                var objectAtRisk = scan.IsObjectFile && scan.ObjectTlsModel != null && scan.HasStaticTls;
                decisions.Add(new LibraryVerdict(input.Input, scan, input.Libc) { Verdict = objectAtRisk ? Verdict.AtRisk : Verdict.None });
            }

            if (error != null)
            {
                decisions.Add(new UnreadableFile(input.Input, error));
            }

            var objectCode = ObjectCode(input.Input, objects);
            if (objectCode != null)
            {
                decisions.Add(objectCode);
            }
        }

        /// <summary>
        /// A dependency that was not analysed itself but fails the libraries that need it is one root cause: one decision
        /// for it per target C library, naming every library that pulls it in, at the place of the first.
        /// </summary>
        private static void MergeMismatchesOfDependencies(List<Decision> decisions)
        {
            var first = new Dictionary<(string Path, string Libc), int>();
            for (var i = 0; i < decisions.Count; i++)
            {
                if (!(decisions[i] is LibcMismatch mismatch) || mismatch.PulledInBy.Count == 0)
                {
                    continue;
                }

                var key = (PathText.FullPath(mismatch.Input.Path), mismatch.Target.Name);
                if (!first.TryGetValue(key, out var index))
                {
                    first[key] = i;
                    continue;
                }

                var kept = (LibcMismatch)decisions[index];
                var pulledInBy = new List<LibraryInput>(kept.PulledInBy);
                pulledInBy.AddRange(mismatch.PulledInBy);
                decisions[index] = kept with { PulledInBy = pulledInBy };
                decisions.RemoveAt(i);
                i--;
            }
        }

        /// <summary>One decision per object file or archive, summing the members that carry initial-exec or local-exec relocations.</summary>
        private static StaticTlsObjectCode? ObjectCode(LibraryInput input, IReadOnlyList<ElfScanResult> objects)
        {
            var members = new List<string>();
            var relocations = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var symbols = new List<string>();
            var model = TlsAccessModel.InitialExec;
            var initialExec = false;
            var flagged = 0;
            foreach (var scan in objects)
            {
                if (scan.ObjectTlsModel == null || !scan.HasStaticTls)
                {
                    continue;
                }

                flagged++;
                if (scan.ArchiveMember != null)
                {
                    members.Add(scan.ArchiveMember);
                }

                if (scan.ObjectTlsModel == TlsAccessModel.LocalExec)
                {
                    model = TlsAccessModel.LocalExec;
                }
                else
                {
                    initialExec = true;
                }

                foreach (var pair in scan.StaticTlsRelocations)
                {
                    relocations.TryGetValue(pair.Key, out var count);
                    relocations[pair.Key] = count + pair.Value;
                }

                foreach (var symbol in scan.StaticTlsSymbols)
                {
                    if (symbol.Name != null && !symbols.Contains(symbol.Name))
                    {
                        symbols.Add(symbol.Name);
                    }
                }
            }

            return flagged == 0
                ? null
                : new StaticTlsObjectCode(input, model, members, objects.Count, relocations, symbols, RemedyAdvisor.ForObject(input.FileName, symbols))
                {
                    MixesModels = initialExec && model == TlsAccessModel.LocalExec,
                };
        }

        /// <summary>
        /// One decision per missing name and target, in first-seen order, naming every analysed library that needs it: a
        /// library a whole folder needs is one note, not one per dependent.
        /// </summary>
        private static IEnumerable<MissingDependency> MissingByName(List<MissingDependency> missing, DependencyResolver resolver)
        {
            var groups = new Dictionary<(string Needed, string Libc, Elf.ElfPlatform Platform), (MissingDependency First, List<LibraryInput> Others)>();
            var order = new List<(string, string, Elf.ElfPlatform)>();
            foreach (var decision in missing)
            {
                var key = (decision.Needed, decision.Target!.Libc.Name, decision.Platform);
                if (groups.TryGetValue(key, out var group))
                {
                    if (!group.Others.Contains(decision.Input) && !decision.Input.Equals(group.First.Input))
                    {
                        group.Others.Add(decision.Input);
                    }

                    continue;
                }

                groups[key] = (decision, new List<LibraryInput>());
                order.Add(key);
            }

            foreach (var key in order)
            {
                var (first, others) = groups[key];
                yield return first with
                {
                    AlsoNeededBy = others,
                    SystemSearch = resolver.SystemSearch(first.Target!, first.Platform),
                };
            }
        }

        private sealed record ScannedInput(LibraryInput Input, TargetLibc Libc, IReadOnlyList<ScannedFile> Files);

        /// <summary>One scan result of an input; <see cref="Library"/> is set for the shared objects analysis judges.</summary>
        private sealed record ScannedFile(ElfScanResult Scan, ScannedLibrary? Library);
    }
}
