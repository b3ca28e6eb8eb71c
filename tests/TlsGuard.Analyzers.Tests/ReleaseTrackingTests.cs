using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TlsGuard.Analyzers.Rules;

namespace TlsGuard.Analyzers.Tests;

/// <summary>AnalyzerReleases.*.md (RS2008) must describe the rules as the descriptors define them.</summary>
public sealed class ReleaseTrackingTests
{
    [Fact]
    public void Every_rule_is_tracked_with_its_category_and_severity()
    {
        var rows = File.ReadAllLines(RepositoryRoot.Combine("src", "TlsGuard.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(RepositoryRoot.Combine("src", "TlsGuard.Analyzers", "AnalyzerReleases.Shipped.md")))
            .Where(line => line.StartsWith("TLS", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => (Category: cells[1], Severity: cells[2]));

        Assert.Equal(RuleDescriptors.All.Length, rows.Count);
        foreach (var descriptor in RuleDescriptors.All)
        {
            Assert.Equal((descriptor.Category, Name(descriptor.DefaultSeverity)), rows[descriptor.Id]);
        }
    }

    private static string Name(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Info ? "Info" : severity.ToString();
}
