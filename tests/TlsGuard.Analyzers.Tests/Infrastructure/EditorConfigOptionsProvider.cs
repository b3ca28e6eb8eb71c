using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer options read from editorconfig text through Roslyn's own parser, the way the compiler reads the
/// generated &lt;project&gt;.GeneratedMSBuildEditorConfig.editorconfig: global keys (build_property.*) and per-file
/// sections (build_metadata.AdditionalFiles.*).
/// </summary>
internal sealed class EditorConfigOptionsProvider(AnalyzerConfigSet configs) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(configs.GlobalConfigOptions.AnalyzerOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        new DictionaryOptions(configs.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(configs.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        // The compiler compares option keys case-insensitively (AnalyzerConfigOptions.KeyComparer).
        private readonly Dictionary<string, string> _values = new(values, AnalyzerConfigOptions.KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
