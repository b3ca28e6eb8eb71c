using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Tests.Policy
{
    /// <summary>The one policy the task and the CLI share: suppress, baseline, severity, fail-on.</summary>
    public class PolicyPipelineTests
    {
        private static readonly Finding Fails = new Finding(DiagnosticCatalog.LibraryFailsToLoad, "/x/libfoo.so", "fails") { Fingerprint = "f1" };
        private static readonly Finding AtRisk = new Finding(DiagnosticCatalog.LibraryAtRisk, "/x/libbar.so", "at risk") { Fingerprint = "f2" };
        private static readonly Finding Unreadable = new Finding(DiagnosticCatalog.FileUnreadable, "/x/libbad.so", "bad") { Fingerprint = "f3" };
        private static readonly Finding MissingDependency = new Finding(DiagnosticCatalog.DependencyNotFound, "/x/libfoo.so", "missing") { Fingerprint = "f4" };

        private static readonly AnalysisReport NoDecisions = new AnalysisReport(new Decision[0], new LoadBudget[0]);

        private static ReportedFinding Reported(Finding finding, PolicySettings settings, AnalysisReport? analysis = null) =>
            PolicyPipeline.Apply(analysis ?? NoDecisions, new[] { finding }, settings).Findings.Single();

        private static IReadOnlyList<ReportedFinding> Apply(PolicySettings settings, params Finding[] findings) =>
            PolicyPipeline.Apply(NoDecisions, findings, settings).Findings;

        [Theory]
        [InlineData("", DiagnosticSeverity.Warning)]
        [InlineData("warning", DiagnosticSeverity.Warning)]
        [InlineData("Error", DiagnosticSeverity.Error)]
        [InlineData(" message ", DiagnosticSeverity.Message)]
        public void Configured_severity_applies_to_the_load_diagnostics(string text, DiagnosticSeverity expected)
        {
            Assert.True(SeverityNames.TryParse(text, out var severity));
            var settings = new PolicySettings { Severity = severity };

            Assert.Equal(expected, Reported(Fails, settings).Level);
            Assert.Equal(expected, Reported(AtRisk, settings).Level);
        }

        [Fact]
        public void Severity_none_reports_nothing_of_the_load_diagnostics()
        {
            var reported = Apply(new PolicySettings { Severity = DiagnosticSeverity.None, FailOn = FailOn.Any }, Fails, AtRisk, Unreadable);

            Assert.Equal(new[] { "TLS004" }, reported.Select(r => r.Finding.Id));
        }

        [Fact]
        public void Configured_severity_leaves_other_codes_at_their_catalog_severity()
        {
            var settings = new PolicySettings { Severity = DiagnosticSeverity.Error };

            Assert.Equal(DiagnosticSeverity.Warning, Reported(Unreadable, settings).Level);
            Assert.Equal(DiagnosticSeverity.Message, Reported(MissingDependency, settings).Level);
        }

        [Fact]
        public void Unknown_severity_is_rejected()
        {
            Assert.False(SeverityNames.TryParse("loud", out _));
        }

        [Fact]
        public void TreatWarningsAsErrors_raises_warnings_but_not_messages()
        {
            var settings = new PolicySettings { TreatWarningsAsErrors = true };

            Assert.Equal(DiagnosticSeverity.Error, Reported(Fails, settings).Level);
            Assert.Equal(DiagnosticSeverity.Error, Reported(Unreadable, settings).Level);
            Assert.True(Reported(Unreadable, settings).Fails);
            Assert.Equal(DiagnosticSeverity.Message, Reported(MissingDependency, settings).Level);
        }

        [Fact]
        public void WarningsNotAsErrors_exempts_codes_from_TreatWarningsAsErrors()
        {
            var settings = new PolicySettings
            {
                TreatWarningsAsErrors = true,
                WarningsNotAsErrors = new HashSet<string>(new[] { "CS0618", "tls002", "TLS004" }, System.StringComparer.OrdinalIgnoreCase),
            };

            Assert.Equal(DiagnosticSeverity.Error, Reported(Fails, settings).Level);
            Assert.Equal(DiagnosticSeverity.Warning, Reported(AtRisk, settings).Level);
            Assert.Equal(DiagnosticSeverity.Warning, Reported(Unreadable, settings).Level);
        }

        [Fact]
        public void A_code_in_NoWarn_is_never_raised_to_an_error()
        {
            var settings = new PolicySettings
            {
                Severity = DiagnosticSeverity.Error,
                FailOn = FailOn.Any,
                TreatWarningsAsErrors = true,
                NoWarn = new HashSet<string>(new[] { "1591", "TLS001" }, System.StringComparer.OrdinalIgnoreCase),
            };

            var fails = Reported(Fails, settings);
            Assert.Equal(DiagnosticSeverity.Warning, fails.LogLevel);
            Assert.False(fails.Fails);
            Assert.Equal(DiagnosticSeverity.Error, Reported(AtRisk, settings).LogLevel);
        }

        [Fact]
        public void FailOn_fails_fails_only_libraries_that_fail()
        {
            var settings = new PolicySettings { FailOn = FailOn.Fails };

            Assert.True(Reported(Fails, settings).Fails);
            Assert.Equal(DiagnosticSeverity.Error, Reported(Fails, settings).LogLevel);
            Assert.Equal(DiagnosticSeverity.Warning, Reported(Fails, settings).Level);
            Assert.False(Reported(AtRisk, settings).Fails);
            Assert.False(Reported(Unreadable, settings).Fails);
        }

        [Fact]
        public void FailOn_at_risk_also_fails_at_risk_findings_even_below_warning()
        {
            var settings = new PolicySettings { Severity = DiagnosticSeverity.Message, FailOn = FailOn.AtRisk };

            Assert.Equal(DiagnosticSeverity.Error, Reported(AtRisk, settings).LogLevel);
            Assert.Equal(DiagnosticSeverity.Message, Reported(MissingDependency, settings).LogLevel);
        }

        [Fact]
        public void FailOn_never_fails_nothing_and_without_fail_on_only_errors_fail()
        {
            Assert.False(Reported(Fails, new PolicySettings { FailOn = FailOn.Never }).Fails);
            Assert.False(Reported(Fails, new PolicySettings()).Fails);
            Assert.True(Reported(Fails, new PolicySettings { Severity = DiagnosticSeverity.Error }).Fails);
        }

        [Theory]
        [InlineData("libjemalloc.so*", "libjemalloc.so.2", true)]
        [InlineData("libjemalloc.so*", "libjemalloc_pic.so", false)]
        [InlineData("lib?.so", "liba.so", true)]
        [InlineData("lib?.so", "libab.so", false)]
        [InlineData("LIBFOO.SO", "libfoo.so", true)]
        [InlineData("libfoo.so", "xlibfoo.so", false)]
        [InlineData("lib(x).so", "lib(x).so", true)]
        [InlineData("lib[ab].so", "liba.so", false)]
        public void Suppression_patterns_match_file_names_with_wildcards(string pattern, string fileName, bool hidden)
        {
            var finding = new Finding(DiagnosticCatalog.LibraryFailsToLoad, "/some/dir/" + fileName, "m");

            var reported = Apply(new PolicySettings { SuppressLibraries = new[] { pattern } }, finding);

            Assert.Equal(hidden, reported.Count == 0);
        }

        [Fact]
        public void A_suppressed_input_hides_its_findings_and_leaves_the_analyzer_list()
        {
            var input = new LibraryInput("/x/libfoo.so") { Suppressed = true };
            var verdict = new LibraryVerdict(input, new ElfScanResult { Path = input.Path }, TargetLibc.Glibc) { Verdict = Verdict.Fails };
            var analysis = new AnalysisReport(new Decision[] { verdict }, new LoadBudget[0]);

            var report = PolicyPipeline.Apply(analysis, new[] { Fails, AtRisk }, new PolicySettings());

            Assert.Equal(new[] { "TLS002" }, report.Findings.Select(r => r.Finding.Id));
            Assert.Single(report.Libraries);
            Assert.Empty(report.VisibleLibraries);
        }

        [Fact]
        public void A_baseline_keeps_accepted_findings_reported_but_not_failing_and_adds_stale_entries()
        {
            var baseline = new Baseline("/r/baseline.json", new[]
            {
                new BaselineEntry("TLS001", "f1", "libfoo.so"),
                new BaselineEntry("TLS001", "gone", "libgone.so"),
            });
            var settings = new PolicySettings { Baseline = baseline, FailOn = FailOn.AtRisk };

            var report = PolicyPipeline.Apply(NoDecisions, new[] { Fails, AtRisk }, settings);

            Assert.Equal(new[] { "TLS001", "TLS002", "TLS008" }, report.Findings.Select(r => r.Finding.Id));
            Assert.True(report.Findings[0].Baselined);
            Assert.False(report.Findings[0].Fails);
            Assert.True(report.Findings[1].Fails);
            Assert.Equal(new[] { "TLS002", "TLS008" }, report.Logged.Select(r => r.Finding.Id));
            Assert.Equal(new[] { "TLS002" }, report.Failing.Select(r => r.Finding.Id));

            var partial = PolicyPipeline.Apply(NoDecisions, new[] { Fails, AtRisk }, settings with { ReportStaleBaselineEntries = false });
            Assert.DoesNotContain(partial.Findings, r => r.Finding.Id == "TLS008");
        }
    }
}
