using System;
using System.Linq;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;

namespace TlsGuard.Cli.Tests
{
    public sealed class FailOnPolicyTests
    {
        private static (string Id, DiagnosticSeverity Level) Of(DiagnosticDescriptor descriptor, DiagnosticSeverity? severity = null) =>
            (descriptor.Id, severity ?? descriptor.DefaultSeverity);

        private static bool Fails(FailOnPolicy policy, (string Id, DiagnosticSeverity Level) finding) => policy.ShouldFail(finding.Id, finding.Level);

        [Theory]
        [InlineData("fails", "TLS001,TLS006,TLS009,TLS010")]
        [InlineData("at-risk", "TLS001,TLS002,TLS003,TLS006,TLS009,TLS010,TLS011")]
        [InlineData("never", "")]
        public void EachLevelCountsItsDiagnostics(string level, string expected)
        {
            var policy = FailOnPolicy.Parse(level);

            var counted = DiagnosticCatalog.All.Where(d => Fails(policy, Of(d))).Select(d => d.Id);

            Assert.Equal(expected, string.Join(",", counted));
        }

        [Fact]
        public void AnyCountsEveryWarningLevelFindingIncludingUnreadableFiles()
        {
            var any = FailOnPolicy.Parse("any");

            Assert.True(Fails(any, Of(DiagnosticCatalog.FileUnreadable)));
            Assert.True(Fails(any, Of(DiagnosticCatalog.LibraryAtRisk)));
            Assert.False(Fails(any, Of(DiagnosticCatalog.DependencyNotFound)));
            Assert.True(Fails(any, Of(DiagnosticCatalog.DependencyNotFound, DiagnosticSeverity.Warning)));
            Assert.False(Fails(any, Of(DiagnosticCatalog.StaleBaselineEntry)));
        }

        [Fact]
        public void FindingsRaisedToErrorAlwaysCountAndDisabledOnesNever()
        {
            var fails = FailOnPolicy.Parse("fails");

            Assert.True(Fails(fails, Of(DiagnosticCatalog.DependencyNotFound, DiagnosticSeverity.Error)));
            Assert.False(Fails(fails, Of(DiagnosticCatalog.LibraryFailsToLoad, DiagnosticSeverity.None)));
            Assert.False(Fails(FailOnPolicy.Parse("never"), Of(DiagnosticCatalog.LibraryFailsToLoad, DiagnosticSeverity.Error)));
        }

        [Fact]
        public void ParsingIsCaseInsensitiveAndRejectsUnknownLevels()
        {
            Assert.Equal(FailOn.AtRisk, FailOnPolicy.Parse(" At-Risk ").Level);
            Assert.False(FailOnPolicy.TryParse("warnings", out _));
            Assert.Throws<ArgumentException>(() => FailOnPolicy.Parse("sometimes"));
            Assert.Equal(FailOnPolicy.Names, new[] { FailOn.Fails, FailOn.AtRisk, FailOn.Any, FailOn.Never }.Select(FailOnPolicy.ToName));
        }
    }
}
