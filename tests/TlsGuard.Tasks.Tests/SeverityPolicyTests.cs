using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;

namespace TlsGuard.Tasks.Tests
{
    public class SeverityPolicyTests
    {
        private static readonly Finding Fails = new Finding(DiagnosticCatalog.LibraryFailsToLoad, "/x/libfoo.so", "fails");
        private static readonly Finding AtRisk = new Finding(DiagnosticCatalog.LibraryAtRisk, "/x/libbar.so", "at risk");
        private static readonly Finding Unreadable = new Finding(DiagnosticCatalog.FileUnreadable, "/x/libbad.so", "bad");
        private static readonly Finding MissingDependency = new Finding(DiagnosticCatalog.DependencyNotFound, "/x/libfoo.so", "missing");

        [Theory]
        [InlineData("", DiagnosticSeverity.Warning)]
        [InlineData("warning", DiagnosticSeverity.Warning)]
        [InlineData("Error", DiagnosticSeverity.Error)]
        [InlineData(" message ", DiagnosticSeverity.Message)]
        [InlineData("none", DiagnosticSeverity.None)]
        public void Configured_severity_applies_to_the_load_diagnostics(string text, DiagnosticSeverity expected)
        {
            Assert.True(SeverityPolicy.TryParseSeverity(text, out var severity));
            var policy = new SeverityPolicy(severity, null, false, null, null);

            Assert.Equal(expected, policy.LevelOf(Fails));
            Assert.Equal(expected, policy.LevelOf(AtRisk));
        }

        [Fact]
        public void Configured_severity_leaves_other_codes_at_their_catalog_severity()
        {
            var policy = new SeverityPolicy(DiagnosticSeverity.Error, null, false, null, null);

            Assert.Equal(DiagnosticSeverity.Warning, policy.LevelOf(Unreadable));
            Assert.Equal(DiagnosticSeverity.Message, policy.LevelOf(MissingDependency));
        }

        [Fact]
        public void Unknown_severity_is_rejected()
        {
            Assert.False(SeverityPolicy.TryParseSeverity("loud", out _));
        }

        [Fact]
        public void TreatWarningsAsErrors_raises_warnings_but_not_messages()
        {
            var policy = new SeverityPolicy(DiagnosticSeverity.Warning, null, true, null, null);

            Assert.Equal(DiagnosticSeverity.Error, policy.LevelOf(Fails));
            Assert.Equal(DiagnosticSeverity.Error, policy.LevelOf(Unreadable));
            Assert.Equal(DiagnosticSeverity.Message, policy.LevelOf(MissingDependency));
        }

        [Fact]
        public void WarningsNotAsErrors_exempts_codes_from_TreatWarningsAsErrors()
        {
            var policy = new SeverityPolicy(DiagnosticSeverity.Warning, null, true, "CS0618, tls002;TLS004", null);

            Assert.Equal(DiagnosticSeverity.Error, policy.LevelOf(Fails));
            Assert.Equal(DiagnosticSeverity.Warning, policy.LevelOf(AtRisk));
            Assert.Equal(DiagnosticSeverity.Warning, policy.LevelOf(Unreadable));
        }

        [Fact]
        public void A_code_in_NoWarn_is_never_raised_to_an_error()
        {
            var failOn = new FailOnPolicy(FailOn.Any);
            var policy = new SeverityPolicy(DiagnosticSeverity.Error, failOn, true, null, "1591;TLS001");

            Assert.Equal(DiagnosticSeverity.Warning, policy.LevelOf(Fails));
            Assert.Equal(DiagnosticSeverity.Error, policy.LevelOf(AtRisk));
        }

        [Fact]
        public void FailOn_fails_raises_only_libraries_that_fail()
        {
            var policy = new SeverityPolicy(DiagnosticSeverity.Warning, new FailOnPolicy(FailOn.Fails), false, null, null);

            Assert.Equal(DiagnosticSeverity.Error, policy.LevelOf(Fails));
            Assert.Equal(DiagnosticSeverity.Warning, policy.LevelOf(AtRisk));
            Assert.Equal(DiagnosticSeverity.Warning, policy.LevelOf(Unreadable));
        }

        [Fact]
        public void FailOn_at_risk_also_raises_at_risk_findings_even_below_warning()
        {
            var policy = new SeverityPolicy(DiagnosticSeverity.Message, new FailOnPolicy(FailOn.AtRisk), false, null, null);

            Assert.Equal(DiagnosticSeverity.Error, policy.LevelOf(AtRisk));
            Assert.Equal(DiagnosticSeverity.Message, policy.LevelOf(MissingDependency));
        }

        [Fact]
        public void FailOn_never_and_severity_none_raise_nothing()
        {
            Assert.Equal(DiagnosticSeverity.Warning, new SeverityPolicy(DiagnosticSeverity.Warning, new FailOnPolicy(FailOn.Never), false, null, null).LevelOf(Fails));
            Assert.Equal(DiagnosticSeverity.None, new SeverityPolicy(DiagnosticSeverity.None, new FailOnPolicy(FailOn.Any), true, null, null).LevelOf(Fails));
        }
    }
}
