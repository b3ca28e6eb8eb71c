using System;
using System.Collections.Generic;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Answers "will it load?" for native libraries: resolves each shared object's dependency closure, finds the modules
    /// whose TLS must go into static TLS, and judges them against the target C library's reserve, alone and together.
    /// Bad files never throw: they become TLS004 findings.
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

            var scans = new ScanMemo(scanSource ?? new DefaultScanSource(options.FileSystem));
            var scanned = new List<ScannedInput>();
            var libraries = new List<InputLibrary>();
            var inputPaths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var input in inputs)
            {
                var libc = TargetLibc.Choose(options, input);
                var results = scans.Scan(input.Path);
                scanned.Add(new ScannedInput(input, libc, results));
                foreach (var result in results)
                {
                    if (result.IsSharedObject)
                    {
                        libraries.Add(new InputLibrary(input, result, libc));
                        inputPaths.Add(PathText.FullPath(input.Path));
                    }
                }
            }

            var findings = new List<Finding>();
            var assessments = new List<LibraryAssessment>();
            var evaluations = new List<LibraryEvaluation>();
            var resolver = new DependencyResolver(options, scans, libraries);
            var evaluator = new LibraryEvaluator(options, scans, resolver, new StartupSet(options.StartupLibraries), inputPaths);
            var next = 0;
            foreach (var input in scanned)
            {
                if (input.Results.Count == 0)
                {
                    var empty = new ElfScanResult { Path = input.Input.Path, Error = "not an ELF file or ar archive" };
                    assessments.Add(new LibraryAssessment(input.Input, empty) { Libc = input.Libc.Name });
                    findings.Add(FileFindings.Unreadable(input.Input, empty.Error));
                    continue;
                }

                var objects = new List<ElfScanResult>();
                string? error = null;
                foreach (var result in input.Results)
                {
                    if (result.IsSharedObject)
                    {
                        var evaluation = evaluator.Evaluate(libraries[next++], findings);
                        evaluations.Add(evaluation);
                        assessments.Add(evaluation.Assessment);
                    }
                    else
                    {
                        error ??= result.Error;
                        if (result.IsObjectFile)
                        {
                            objects.Add(result);
                        }

                        assessments.Add(NonLibraryAssessment(input, result));
                    }
                }

                if (error != null)
                {
                    findings.Add(FileFindings.Unreadable(input.Input, error));
                }

                var objectFinding = FileFindings.StaticTlsObjects(input.Input, objects);
                if (objectFinding != null)
                {
                    findings.Add(objectFinding);
                }
            }

            var budgets = new SetBudgetEvaluator(options).Evaluate(evaluations, findings);
            return new AnalysisReport { Libraries = assessments, Budgets = budgets, Findings = findings };
        }

        /// <summary>Object files with initial-exec/local-exec code are at risk once linked into a shared library; executables, cores and unreadable files get no verdict.</summary>
        private static LibraryAssessment NonLibraryAssessment(ScannedInput input, ElfScanResult result)
        {
            var atRisk = result.IsObjectFile && result.ObjectTlsModel != null && result.StaticTlsRelocations.Count > 0;
            return new LibraryAssessment(input.Input, result)
            {
                Verdict = atRisk ? Verdict.AtRisk : Verdict.None,
                Libc = input.Libc.Name,
                Reason = result.Error != null
                    ? result.Error
                    : atRisk ? "object code compiled with the " + (result.ObjectTlsModel == TlsAccessModel.LocalExec ? "local-exec" : "initial-exec") + " TLS model" : "",
            };
        }

        private sealed class ScannedInput
        {
            public ScannedInput(LibraryInput input, TargetLibc libc, IReadOnlyList<ElfScanResult> results)
            {
                Input = input;
                Libc = libc;
                Results = results;
            }

            public LibraryInput Input { get; }
            public TargetLibc Libc { get; }
            public IReadOnlyList<ElfScanResult> Results { get; }
        }
    }
}
