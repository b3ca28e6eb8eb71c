using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CoreCatalog = TlsGuard.Core.Diagnostics.DiagnosticCatalog;
using CoreSeverity = TlsGuard.Core.Diagnostics.DiagnosticSeverity;

namespace TlsGuard.Analyzers.Tests;

/// <summary>docs/rules: every help link lands on a page that matches the catalog, and the index agrees with both.</summary>
public sealed class RuleDocumentationTests
{
    private static readonly string RulesFolder = RepositoryRoot.Combine("docs", "rules");

    private static readonly string[] Sections =
        ["## What it means", "## Why it happens", "## Non-compliant example", "## How to fix", "## How to suppress", "## Sources"];

    public static TheoryData<string> Ids() => new(CoreCatalog.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_starts_with_the_catalog_title_and_severity(string id)
    {
        var descriptor = CoreCatalog.Find(id)!;
        var lines = File.ReadAllLines(Path.Combine(RulesFolder, id + ".md"));

        Assert.Equal("# " + id + ": " + descriptor.Title, lines[0]);
        Assert.StartsWith("Default severity: " + SeverityName(id, descriptor.DefaultSeverity) + ".", lines[2]);
        Assert.EndsWith("docs/rules/" + id + ".md", descriptor.HelpUri);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_has_every_section_in_order(string id)
    {
        var lines = File.ReadAllLines(Path.Combine(RulesFolder, id + ".md"));

        // A page may add sections of its own (TLS100 explains name matching); the standard ones keep their order.
        var found = lines.Where(line => line.StartsWith("## ", StringComparison.Ordinal)).Where(Sections.Contains).ToArray();
        Assert.Equal(Sections, found);
    }

    [Fact]
    public void Index_lists_every_rule_with_title_severity_and_source()
    {
        var rows = File.ReadAllLines(Path.Combine(RulesFolder, "README.md"))
            .Where(line => line.StartsWith("| [TLS", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToArray();

        Assert.Equal(CoreCatalog.All.Count, rows.Length);
        foreach (var descriptor in CoreCatalog.All)
        {
            var row = Assert.Single(rows, r => r[0] == "[" + descriptor.Id + "](" + descriptor.Id + ".md)");
            Assert.Equal(descriptor.Title, row[1]);
            Assert.Equal(SeverityName(descriptor.Id, descriptor.DefaultSeverity), row[2]);
            Assert.Equal(IsAnalyzerRule(descriptor.Id) ? "analyzer" : "build, CLI", row[3]);
        }
    }

    [Fact]
    public void Relative_links_and_anchors_resolve()
    {
        var link = new Regex(@"\]\((?!https?:)([^)#\s]*)(?:#([^)\s]+))?\)");
        foreach (var page in Directory.GetFiles(RulesFolder, "*.md"))
        {
            foreach (Match match in link.Matches(File.ReadAllText(page)))
            {
                var target = match.Groups[1].Value.Length == 0 ? page : Path.GetFullPath(Path.Combine(RulesFolder, match.Groups[1].Value));
                Assert.True(File.Exists(target), Path.GetFileName(page) + " links to a missing file: " + match.Value);
                if (match.Groups[2].Success)
                {
                    var anchors = File.ReadAllLines(target).Where(l => l.StartsWith('#')).Select(Anchor);
                    Assert.True(anchors.Contains(match.Groups[2].Value), Path.GetFileName(page) + " links to a missing heading: " + match.Value);
                }
            }
        }
    }

    private static bool IsAnalyzerRule(string id) => id.StartsWith("TLS1", StringComparison.Ordinal);

    /// <summary>TLS1xx severities are the compiler's names (a catalog "message" is reported as Info).</summary>
    private static string SeverityName(string id, CoreSeverity severity) =>
        IsAnalyzerRule(id) && severity == CoreSeverity.Message ? "Info" : severity.ToString();

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string Anchor(string heading) =>
        Regex.Replace(heading.TrimStart('#').Trim().ToLowerInvariant(), @"[^a-z0-9 _-]", "").Replace(' ', '-');
}
