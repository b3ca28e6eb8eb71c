using System;
using System.Collections.Generic;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Policy
{
    /// <summary>
    /// The one policy every face applies, in order: suppress (TlsGuardSuppress items, file-name patterns) → baseline and
    /// its stale entries → severity (TlsGuardSeverity, TreatWarningsAsErrors, NoWarn) → fail-on. The task and the CLI call
    /// this and only map its result, so the same input and settings give the same answer in both.
    /// </summary>
    public static class PolicyPipeline
    {
        /// <summary>The diagnostics whose level <see cref="PolicySettings.Severity"/> sets.</summary>
        public static IReadOnlyCollection<string> ConfigurableIds => Configurable;

        private static readonly HashSet<string> Configurable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            DiagnosticIds.LibraryFailsToLoad,
            DiagnosticIds.LibraryAtRisk,
            DiagnosticIds.ObjectUsesStaticTlsModel,
            DiagnosticIds.LoadSetOverflows,
            DiagnosticIds.BuiltForOtherLibc,
            DiagnosticIds.MayNeedOtherLibc,
        };

        /// <summary>Describes the analysis and applies the policy.</summary>
        public static Report Apply(AnalysisReport analysis, PolicySettings settings) => Apply(analysis, FindingFactory.Describe(analysis), settings);

        public static Report Apply(AnalysisReport analysis, IReadOnlyList<Finding> findings, PolicySettings settings)
        {
            var described = DescribedAnalysis.Of(analysis, findings);
            var suppressed = Suppression.Of(described, settings);
            var visibleLibraries = new List<LibraryVerdict>();
            foreach (var library in analysis.Libraries)
            {
                if (!suppressed.Hides(library.Input.Path))
                {
                    visibleLibraries.Add(library);
                }
            }

            return Apply(described, suppressed, settings) with
            {
                Libraries = analysis.Libraries,
                Budgets = analysis.Budgets,
                VisibleLibraries = visibleLibraries,
            };
        }

        /// <summary>
        /// The same policy over an analysis kept between builds (<see cref="DescribedAnalysis"/>): the report has the
        /// findings and the flagged libraries, not the per-library facts and budgets, which only the CLI prints.
        /// </summary>
        public static Report Apply(DescribedAnalysis analysis, PolicySettings settings) => Apply(analysis, Suppression.Of(analysis, settings), settings);

        private static Report Apply(DescribedAnalysis analysis, Suppression suppressed, PolicySettings settings)
        {
            var visibleFlagged = new List<FlaggedLibrarySummary>();
            foreach (var library in analysis.FlaggedLibraries)
            {
                if (!suppressed.Hides(library.InputPath))
                {
                    visibleFlagged.Add(library);
                }
            }

            return Decide(analysis.Findings, suppressed, settings) with { VisibleFlaggedLibraries = visibleFlagged };
        }

        /// <summary>Suppression, baseline, severity and fail-on over the findings, in that order.</summary>
        private static Report Decide(IReadOnlyList<Finding> findings, Suppression suppressed, PolicySettings settings)
        {
            var visible = new List<Finding>();
            foreach (var finding in findings)
            {
                if (!suppressed.Hides(finding.FilePath))
                {
                    visible.Add(finding);
                }
            }

            var baseline = settings.Baseline?.Apply(visible);
            var candidates = new List<Finding>(visible);
            if (baseline != null && settings.ReportStaleBaselineEntries)
            {
                candidates.AddRange(baseline.StaleFindings);
            }

            var failOn = settings.FailOn.HasValue ? new FailOnPolicy(settings.FailOn.Value) : null;
            var reported = new List<ReportedFinding>();
            foreach (var finding in candidates)
            {
                var level = Configurable.Contains(finding.Id) ? settings.Severity : finding.Descriptor.DefaultSeverity;
                if (level == DiagnosticSeverity.None)
                {
                    continue;
                }

                var baselined = baseline != null && baseline.IsBaselined(finding);
                if (settings.NoWarn.Contains(finding.Id))
                {
                    reported.Add(new ReportedFinding(finding, level == DiagnosticSeverity.Error ? DiagnosticSeverity.Warning : level, baselined, Fails: false));
                    continue;
                }

                if (level == DiagnosticSeverity.Warning && settings.TreatWarningsAsErrors && !settings.WarningsNotAsErrors.Contains(finding.Id))
                {
                    level = DiagnosticSeverity.Error;
                }

                var fails = !baselined && (failOn == null ? level == DiagnosticSeverity.Error : failOn.ShouldFail(finding.Id, level));
                reported.Add(new ReportedFinding(finding, level, baselined, fails));
            }

            return new Report { Findings = reported, Baseline = baseline };
        }

        /// <summary>Suppressed libraries stay in the analysis (their static TLS still takes room others need); only their findings go.</summary>
        private sealed class Suppression
        {
            private readonly HashSet<string> _paths;
            private readonly IReadOnlyList<string> _patterns;

            private Suppression(HashSet<string> paths, IReadOnlyList<string> patterns)
            {
                _paths = paths;
                _patterns = patterns;
            }

            /// <summary>The inputs marked TlsGuardSuppress and the libraries the settings name.</summary>
            public static Suppression Of(DescribedAnalysis analysis, PolicySettings settings) =>
                new Suppression(new HashSet<string>(analysis.SuppressedPaths, StringComparer.Ordinal), settings.SuppressLibraries);

            public bool Hides(string path)
            {
                if (_paths.Contains(path))
                {
                    return true;
                }

                var fileName = PathText.FileName(path);
                foreach (var pattern in _patterns)
                {
                    if (NamePattern.Matches(pattern, fileName, ignoreCase: true))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
