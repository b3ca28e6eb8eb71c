using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TlsGuard.Analyzers.Rules;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// The standard analyzer test (Microsoft.CodeAnalysis.Testing) set up the way a consumer's build runs the analyzer:
/// sources under /repo/app, the results file as an AdditionalFiles item, and the global config the SDK generates from
/// CompilerVisibleProperty / CompilerVisibleItemMetadata (build_property.*, build_metadata.AdditionalFiles.*).
/// Expected diagnostics come from markup in the sources ({|TLS100:...|}, {|#0:...|}) and ExpectedDiagnostics; RunAsync
/// fails unless the reported diagnostics (compiler errors and AD0001 analyzer crashes included) are exactly those, so a
/// test without markup or expectations asserts that nothing is reported. The harness then runs the analysis again
/// with <c>#pragma warning disable</c> for each expected id and checks that the diagnostics go away.
/// </summary>
internal sealed class CallSiteAnalyzerTest : CSharpAnalyzerTest<FlaggedLibraryCallSiteAnalyzer, DefaultVerifier>
{
    public const string SourcePath = "/repo/app/Program.cs";

    /// <summary>Where the SDK writes the generated config: obj/&lt;project&gt;.GeneratedMSBuildEditorConfig.editorconfig.</summary>
    public const string GeneratedConfigPath = "/repo/app/obj/app.GeneratedMSBuildEditorConfig.editorconfig";

    /// <summary>
    /// No package to resolve, so nothing is downloaded: the references are the installed targeting pack's
    /// (<see cref="TargetingPack"/>), added to each test's state.
    /// </summary>
    private static readonly ReferenceAssemblies InstalledTargetingPackOnly = new("net10.0");

    private readonly Dictionary<string, string> _buildProperties = new(StringComparer.Ordinal);
    private readonly List<string> _taggedResultsFiles = [];
    private readonly Dictionary<string, ReportDiagnostic> _severities = new(StringComparer.Ordinal);
    private bool _runsLibraryImportGenerator;

    public CallSiteAnalyzerTest()
    {
        ReferenceAssemblies = InstalledTargetingPackOnly;
        TestState.AdditionalReferences.AddRange(TargetingPack.References);
    }

    /// <summary>The syntax trees the analyzer saw last, generated ones included.</summary>
    public ImmutableArray<SyntaxTree> AnalyzedTrees { get; private set; }

    public static CallSiteAnalyzerTest ForSource(string source) => new CallSiteAnalyzerTest().AddSource(SourcePath, source);

    /// <summary>
    /// An expected diagnostic with the rule's default severity, placed with WithLocation(markup key). Unlike the
    /// harness's Diagnostic(descriptor) it leaves the message open until WithMessage states it.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        new(id, RuleDescriptors.All.Single(descriptor => descriptor.Id == id).DefaultSeverity);

    public CallSiteAnalyzerTest AddSource(string path, string text)
    {
        TestState.Sources.Add((path, text));
        return this;
    }

    /// <summary>The results file as the build passes it: an AdditionalFiles item tagged TlsGuardKind=ScanResults.</summary>
    public CallSiteAnalyzerTest WithResults(ResultsFile results) => WithResults(results.ToString());

    public CallSiteAnalyzerTest WithResults(string text, string path = ResultsFile.DefaultPath, bool tagged = true)
    {
        TestState.AdditionalFiles.Add((path, text));
        if (tagged)
        {
            _taggedResultsFiles.Add(path);
        }

        return this;
    }

    public CallSiteAnalyzerTest WithBuildProperty(string name, string value)
    {
        _buildProperties[name] = value;
        return this;
    }

    /// <summary>An .editorconfig or .globalconfig of the consumer's own.</summary>
    public CallSiteAnalyzerTest WithEditorConfig(string path, string text)
    {
        TestState.AnalyzerConfigFiles.Add((path, text));
        return this;
    }

    /// <summary>A compilation-level severity, as -warnaserror:ID or NoWarn set it.</summary>
    public CallSiteAnalyzerTest WithSeverity(string id, ReportDiagnostic severity)
    {
        _severities[id] = severity;
        return this;
    }

    /// <summary>
    /// Runs the targeting pack's LibraryImport generator, as a build does; its output is not compared with expected
    /// text (it is the SDK's, not ours).
    /// </summary>
    public CallSiteAnalyzerTest WithLibraryImportGenerator()
    {
        _runsLibraryImportGenerator = true;
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        return this;
    }

    public CallSiteAnalyzerTest Expect(params DiagnosticResult[] diagnostics)
    {
        ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    /// <summary>Further checks on each reported diagnostic matched to an expected one (properties, help link).</summary>
    public CallSiteAnalyzerTest Verifying(Action<Diagnostic> check)
    {
        DiagnosticVerifier = (diagnostic, _, _) => check(diagnostic);
        return this;
    }

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        TestState.AnalyzerConfigFiles.Add((GeneratedConfigPath, GeneratedMSBuildEditorConfig()));
        return base.RunImplAsync(cancellationToken);
    }

    /// <summary>
    /// The harness lists every rule in the compilation options as ReportDiagnostic.Default so that rules disabled by
    /// default run too. Ours are enabled by default, and a consumer's build has no such entry unless it names the rule
    /// in NoWarn, WarningsAsErrors or WarningsNotAsErrors. The entry is not harmless: with it, the compiler's analyzer
    /// driver (Roslyn 4.8 and 4.14 alike) keeps a warning at Warning although an .editorconfig raises it to error.
    /// So the harness's entries go; those a test sets through <see cref="WithSeverity"/> stay.
    /// </summary>
    protected override Project ApplyCompilationOptions(Project project)
    {
        var applied = base.ApplyCompilationOptions(project);
        var options = applied.CompilationOptions!;
        var harnessDefaults = RuleDescriptors.All
            .Select(descriptor => descriptor.Id)
            .Where(id => !_severities.ContainsKey(id) && options.SpecificDiagnosticOptions.TryGetValue(id, out var report) && report == ReportDiagnostic.Default);
        return applied.WithCompilationOptions(options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.RemoveRange(harnessDefaults)));
    }

    /// <summary>
    /// Roslyn's default MEF host, composed lazily. The harness composes a Visual Studio MEF catalog of the same
    /// assemblies plus a text-differencing service that only code-fix tests use; building it costs about a second
    /// before the first test.
    /// </summary>
    protected override Task<Workspace> CreateWorkspaceImplAsync() => Task.FromResult<Workspace>(new AdhocWorkspace());

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions() =>
        base.CreateCompilationOptions().WithSpecificDiagnosticOptions(_severities);

    protected override IEnumerable<Type> GetSourceGenerators() =>
        _runsLibraryImportGenerator ? [TargetingPack.LibraryImportGenerator] : [];

    protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(
        Project project, IVerifier verifier, CancellationToken cancellationToken)
    {
        var result = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
        AnalyzedTrees = result.compilation.SyntaxTrees.ToImmutableArray();
        return result;
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
