using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsGuard.Analyzers.Rules;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compiles C# source in memory and runs the analyzer with the inputs a real build gives it: AdditionalFiles and the
/// options of the generated MSBuild global config (build_property.*, build_metadata.AdditionalFiles.*), plus
/// optional .editorconfig files and compilation-level severities.
/// </summary>
internal sealed class AnalyzerRun
{
    public const string SourcePath = "/repo/app/Program.cs";

    private readonly List<(string Path, string Text)> _sources = [];
    private readonly List<AdditionalText> _additionalFiles = [];
    private readonly List<string> _taggedResultsFiles = [];
    private readonly Dictionary<string, string> _buildProperties = new(StringComparer.Ordinal);
    private readonly List<(string Path, string Text)> _editorConfigs = [];
    private readonly Dictionary<string, ReportDiagnostic> _specificOptions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allowedCompilerErrors = new(StringComparer.Ordinal);

    public static AnalyzerRun ForSource(string source) => new AnalyzerRun().AddSource(SourcePath, source);

    public AnalyzerRun AddSource(string path, string text)
    {
        _sources.Add((path, text));
        return this;
    }

    /// <summary>The results file as the build passes it: an AdditionalFiles item tagged TlsGuardKind=ScanResults.</summary>
    public AnalyzerRun WithResults(ResultsFile results) => WithResults(results.ToString());

    public AnalyzerRun WithResults(string text, string path = ResultsFile.DefaultPath, bool tagged = true)
    {
        _additionalFiles.Add(new InMemoryAdditionalText(path, text));
        if (tagged)
        {
            _taggedResultsFiles.Add(path);
        }

        return this;
    }

    public AnalyzerRun WithBuildProperty(string name, string value)
    {
        _buildProperties[name] = value;
        return this;
    }

    public AnalyzerRun WithEditorConfig(string path, string text)
    {
        _editorConfigs.Add((path, text));
        return this;
    }

    public AnalyzerRun WithSeverity(string id, ReportDiagnostic severity)
    {
        _specificOptions[id] = severity;
        return this;
    }

    /// <summary>[LibraryImport] without the interop source generator leaves the partial method unimplemented (CS8795).</summary>
    public AnalyzerRun AllowingCompilerErrors(params string[] ids)
    {
        _allowedCompilerErrors.UnionWith(ids);
        return this;
    }

    public async Task<ImmutableArray<Diagnostic>> RunAsync()
    {
        var configs = AnalyzerConfigSet.Create(
            new[] { AnalyzerConfig.Parse(GeneratedMSBuildEditorConfig(), "/repo/app/obj/app.GeneratedMSBuildEditorConfig.editorconfig") }
                .Concat(_editorConfigs.Select(config => AnalyzerConfig.Parse(config.Text, config.Path)))
                .ToImmutableArray());
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = _sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path, Encoding.UTF8));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true)
            .WithSpecificDiagnosticOptions(_specificOptions)
            .WithSyntaxTreeOptionsProvider(new EditorConfigSeverityProvider(configs));
        var compilation = CSharpCompilation.Create("Consumer", trees, ReferenceAssemblies.Net, options);

        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !_allowedCompilerErrors.Contains(d.Id))
            .ToArray();
        Assert.True(errors.Length == 0, "test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));

        var analyzerOptions = new AnalyzerOptions(_additionalFiles.ToImmutableArray(), new EditorConfigOptionsProvider(configs));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FlaggedLibraryCallSiteAnalyzer()), analyzerOptions)
            .GetAnalyzerDiagnosticsAsync();

        // An analyzer exception surfaces as AD0001; it must fail the test rather than look like "no finding".
        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToArray();
        Assert.True(crashes.Length == 0, string.Join("\n", crashes.Select(c => c.ToString())));
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>What CompilerVisibleProperty / CompilerVisibleItemMetadata put into the generated global config.</summary>
    private string GeneratedMSBuildEditorConfig()
    {
        var text = new StringBuilder("is_global = true\n");
        foreach (var property in _buildProperties)
        {
            text.Append("build_property.").Append(property.Key).Append(" = ").Append(property.Value).Append('\n');
        }

        foreach (var path in _taggedResultsFiles)
        {
            text.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.TlsGuardKind = ScanResults\n");
        }

        return text.ToString();
    }
}
