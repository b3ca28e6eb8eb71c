using System;
using System.Linq;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;

namespace TlsGuard.Cli.Tests
{
    public sealed class FailOnPolicyTests
    {
        private static Finding Of(DiagnosticDescriptor descriptor, DiagnosticSeverity? severity = null) =>
            severity == null
                ? new Finding(descriptor, "/x/lib.so", "m")
                : new Finding(descriptor, "/x/lib.so", "m") { Severity = severity.Value };

        [Theory]
        [InlineData("fails", "TLS001,TLS006")]
        [InlineData("at-risk", "TLS001,TLS002,TLS003,TLS006")]
        [InlineData("never", "")]
        public void EachLevelCountsItsDiagnostics(string level, string expected)
        {
            var policy = FailOnPolicy.Parse(level);

            var counted = DiagnosticCatalog.All.Where(d => policy.ShouldFail(Of(d))).Select(d => d.Id);

            Assert.Equal(expected, string.Join(",", counted));
        }

        [Fact]
        public void AnyCountsEveryWarningLevelFindingIncludingUnreadableFiles()
        {
            var any = FailOnPolicy.Parse("any");

            Assert.True(any.ShouldFail(Of(DiagnosticCatalog.FileUnreadable)));
            Assert.True(any.ShouldFail(Of(DiagnosticCatalog.LibraryAtRisk)));
            Assert.False(any.ShouldFail(Of(DiagnosticCatalog.DependencyNotFound)));
            Assert.True(any.ShouldFail(Of(DiagnosticCatalog.DependencyNotFound, DiagnosticSeverity.Warning)));
            Assert.False(any.ShouldFail(Of(DiagnosticCatalog.StaleBaselineEntry)));
        }

        [Fact]
        public void FindingsRaisedToErrorAlwaysCountAndDisabledOnesNever()
        {
            var fails = FailOnPolicy.Parse("fails");

            Assert.True(fails.ShouldFail(Of(DiagnosticCatalog.DependencyNotFound, DiagnosticSeverity.Error)));
            Assert.False(fails.ShouldFail(Of(DiagnosticCatalog.LibraryFailsToLoad, DiagnosticSeverity.None)));
            Assert.False(FailOnPolicy.Parse("never").ShouldFail(Of(DiagnosticCatalog.LibraryFailsToLoad, DiagnosticSeverity.Error)));
        }

        [Fact]
        public void ParsingIsCaseInsensitiveAndRejectsUnknownLevels()
        {
            Assert.Equal(FailOn.AtRisk, FailOnPolicy.Parse(" At-Risk ").Level);
            Assert.False(FailOnPolicy.TryParse("warnings", out _));
            Assert.Throws<ArgumentException>(() => FailOnPolicy.Parse("sometimes"));
            Assert.Equal(FailOnPolicy.Names, new[] { FailOn.Fails, FailOn.AtRisk, FailOn.Any, FailOn.Never }.Select(FailOnPolicy.ToName));
        }

        [Fact]
        public void CountFailingCountsOnlyMatchingFindings()
        {
            var findings = new[] { Of(DiagnosticCatalog.LibraryFailsToLoad), Of(DiagnosticCatalog.LibraryAtRisk), Of(DiagnosticCatalog.FileUnreadable) };

            Assert.Equal(1, FailOnPolicy.Parse("fails").CountFailing(findings));
            Assert.Equal(2, FailOnPolicy.Parse("at-risk").CountFailing(findings));
            Assert.Equal(3, FailOnPolicy.Parse("any").CountFailing(findings));
        }
    }
}
