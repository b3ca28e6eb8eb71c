using System;
using System.Collections.Generic;
using System.Globalization;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Knowledge;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The verdict for one shared object on its own: closure, attribution, the C library's budget, remedy, findings.</summary>
    internal sealed class LibraryEvaluator
    {
        private readonly AnalysisOptions _options;
        private readonly ScanMemo _scans;
        private readonly DependencyResolver _resolver;
        private readonly StartupSet _startup;
        private readonly ISet<string> _inputPaths;
        private readonly HashSet<string> _reportedMissing = new HashSet<string>(StringComparer.Ordinal);

        public LibraryEvaluator(AnalysisOptions options, ScanMemo scans, DependencyResolver resolver, StartupSet startup, ISet<string> inputPaths)
        {
            _options = options;
            _scans = scans;
            _resolver = resolver;
            _startup = startup;
            _inputPaths = inputPaths;
        }

        public LibraryEvaluation Evaluate(InputLibrary library, List<Finding> findings)
        {
            var scan = library.Scan;
            var closure = DependencyClosure.Build(library, _resolver, _startup);
            ReportMissing(library, closure, findings);
            ReportFlagWithoutRelocation(library, findings);

            if (closure.Root.IsStartup)
            {
                var assessment = new LibraryAssessment(library.Input, scan)
                {
                    Verdict = Verdict.None,
                    Libc = library.Libc.Name,
                    Reason = scan.Soname + " is loaded by the host at startup; loading it again maps nothing new",
                };
                return new LibraryEvaluation(library, assessment, new StaticTlsConsumer[0], new StaticTlsConsumer[0]);
            }

            var attribution = StaticTlsAttribution.Collect(closure, _inputPaths);
            var model = LibcBudgetModel.For(library.Libc, _options);
            var budget = model.Evaluate(attribution.Consumers, attribution.FlagOnly, scan.Platform);
            var verdict = budget.Verdict;
            var reasons = new List<string>();
            if (budget.Reason.Length > 0)
            {
                reasons.Add(budget.Reason);
            }

            foreach (var symbol in attribution.Unattributed)
            {
                reasons.Add(symbol.LikelyIn != null
                    ? FindingText.Invariant("{0} uses initial-exec TLS symbol {1}, which may be defined in the missing {2}: its size is unknown", symbol.Module, symbol.Symbol, symbol.LikelyIn)
                    : FindingText.Invariant("{0} uses initial-exec TLS symbol {1}, which no module of its dependency closure defines: its size is unknown", symbol.Module, symbol.Symbol));
                verdict = Max(verdict, Verdict.AtRisk);
            }

            if (library.Libc.IsGlibc)
            {
                foreach (var hazard in attribution.DynamicFirstHazards)
                {
                    reasons.Add(FindingText.Invariant(
                        "{0} is also loaded on its own and reaches its TLS dynamically: if it is loaded and its TLS used before {1}, glibc has made that TLS dynamic and {1} fails",
                        hazard.Name, library.ModuleName));
                    verdict = Max(verdict, Verdict.AtRisk);
                }
            }

            var consumers = budget.Counted.Count > 0 ? budget.Counted : attribution.Consumers;
            var offender = budget.Culprit ?? Largest(consumers);
            var remedy = verdict >= Verdict.AtRisk ? RemedyFor(library, offender, budget.TunableValue) : null;
            var chain = offender != null && offender.Chain.Count > 1 ? offender.Chain : new string[0];
            var result = new LibraryAssessment(library.Input, scan)
            {
                Verdict = verdict,
                RequiredStaticTlsBytes = budget.RequiredBytes,
                Chain = chain,
                Libc = library.Libc.Name,
                ReserveBytes = budget.ReserveBytes,
                Consumers = consumers,
                Remedy = remedy,
                Reason = string.Join("; ", reasons),
            };

            if (verdict >= Verdict.AtRisk)
            {
                findings.Add(VerdictFinding(library, result, budget, offender));
            }

            return new LibraryEvaluation(library, result, attribution.Consumers, attribution.FlagOnly);
        }

        private Remedy RemedyFor(InputLibrary library, StaticTlsConsumer? offender, long? tunable)
        {
            if (offender == null)
            {
                return RemedyAdvisor.For(library.ModuleName, library.Scan, library.Libc, null);
            }

            return RemedyAdvisor.For(offender.Name, ScanOf(offender), library.Libc, tunable);
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

        private static Finding VerdictFinding(InputLibrary library, LibraryAssessment assessment, BudgetEvaluation budget, StaticTlsConsumer? offender)
        {
            var descriptor = assessment.Verdict == Verdict.Fails ? DiagnosticCatalog.LibraryFailsToLoad : DiagnosticCatalog.LibraryAtRisk;
            var found = assessment.Consumers.Count > 0
                ? FindingText.Consumers(assessment.Consumers, assessment.RequiredStaticTlsBytes)
                : library.ModuleName + " uses initial-exec TLS";
            if (assessment.Reason.Length > 0)
            {
                found += "; " + assessment.Reason;
            }

            var message = FindingText.Invariant(
                descriptor.MessageFormat,
                FindingText.Display(library.Input),
                found,
                FindingText.Target(library.Libc, library.Scan.Platform.Name),
                assessment.Remedy!.Summary);
            var relocations = offender?.Relocations ?? library.Scan.StaticTlsRelocations;
            var chainKey = assessment.Chain.Count > 0 ? string.Join(">", assessment.Chain) + "|" : "";
            var properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["verdict"] = VerdictNames.ToName(assessment.Verdict),
                ["requiredBytes"] = assessment.RequiredStaticTlsBytes.ToString(CultureInfo.InvariantCulture),
                ["reserveBytes"] = assessment.ReserveBytes.ToString(CultureInfo.InvariantCulture),
                ["guaranteedBytes"] = budget.GuaranteedBytes.ToString(CultureInfo.InvariantCulture),
                ["libc"] = library.Libc.Name,
                ["machine"] = library.Scan.Platform.Name,
                ["relocations"] = FindingText.RelocationList(relocations),
                ["preload"] = "LD_PRELOAD=/path/to/" + (offender?.Name ?? library.ModuleName),
            };
            if (assessment.Chain.Count > 0)
            {
                properties["chain"] = FindingText.Chain(assessment.Chain);
            }

            if (offender != null)
            {
                properties["offender"] = offender.Name;
                properties["tlsBlockBytes"] = offender.Size.ToString(CultureInfo.InvariantCulture);
                properties["tlsBlockAlign"] = offender.Align.ToString(CultureInfo.InvariantCulture);
            }

            if (assessment.Remedy.GlibcTunables != null)
            {
                properties["tunable"] = assessment.Remedy.GlibcTunables;
            }

            if (assessment.Remedy.KnownLibrary != null)
            {
                properties["knownLibrary"] = assessment.Remedy.KnownLibrary;
            }

            return new Finding(descriptor, library.Input.Path, message)
            {
                PackageId = library.Input.PackageId,
                PackageVersion = library.Input.PackageVersion,
                Fingerprint = string.Join("|", descriptor.Id, library.FileName, library.Libc.Name)
                    + "|" + chainKey + RelocationKey(relocations) + "|" + assessment.RequiredStaticTlsBytes.ToString(CultureInfo.InvariantCulture),
                Properties = properties,
            };
        }

        private void ReportMissing(InputLibrary library, DependencyClosure closure, List<Finding> findings)
        {
            foreach (var missing in closure.Missing)
            {
                var requesterKey = (missing.Requester.Path == null ? missing.Requester.Name : PathText.FullPath(missing.Requester.Path)) + "|" + missing.Needed;
                if (!_reportedMissing.Add(requesterKey))
                {
                    continue;
                }

                var requester = missing.Requester == closure.Root
                    ? FindingText.Display(library.Input)
                    : FindingText.Display(library.Input) + " -> " + FindingText.Chain(Tail(missing.Requester.Chain()));
                var message = FindingText.Invariant(
                    DiagnosticCatalog.DependencyNotFound.MessageFormat,
                    requester,
                    missing.Needed,
                    string.Join(", ", missing.Searched));
                findings.Add(new Finding(DiagnosticCatalog.DependencyNotFound, library.Input.Path, message)
                {
                    PackageId = library.Input.PackageId,
                    PackageVersion = library.Input.PackageVersion,
                    Fingerprint = string.Join("|", DiagnosticCatalog.DependencyNotFound.Id, missing.Requester.Name, missing.Needed),
                    Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["needed"] = missing.Needed,
                        ["requester"] = missing.Requester.Name,
                        ["searched"] = string.Join(";", missing.Searched),
                    },
                });
            }
        }

        private static void ReportFlagWithoutRelocation(InputLibrary library, List<Finding> findings)
        {
            var scan = library.Scan;
            if (!scan.DfStaticTls || scan.TlsBlock == null || scan.HasStaticTls)
            {
                return;
            }

            var message = FindingText.Invariant(DiagnosticCatalog.StaticTlsFlagWithoutRelocation.MessageFormat, FindingText.Display(library.Input));
            findings.Add(new Finding(DiagnosticCatalog.StaticTlsFlagWithoutRelocation, library.Input.Path, message)
            {
                PackageId = library.Input.PackageId,
                PackageVersion = library.Input.PackageVersion,
                Fingerprint = string.Join("|", DiagnosticCatalog.StaticTlsFlagWithoutRelocation.Id, library.FileName),
                Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["tlsBlockBytes"] = scan.TlsBlock.Size.ToString(CultureInfo.InvariantCulture),
                },
            });
        }

        private static string RelocationKey(IReadOnlyDictionary<string, int> relocations)
        {
            return string.Join(",", new List<string>(relocations.Keys));
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
}
