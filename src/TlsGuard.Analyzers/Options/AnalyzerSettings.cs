using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsGuard.Analyzers.Options
{
    /// <summary>The MSBuild values the build passes to the compiler (CompilerVisibleProperty / CompilerVisibleItemMetadata).</summary>
    internal static class AnalyzerSettings
    {
        public const string EnabledProperty = "build_property.TlsGuardEnabled";
        public const string KindMetadata = "build_metadata.AdditionalFiles.TlsGuardKind";
        public const string ScanResultsKind = "ScanResults";

        /// <summary>The file name the build writes; used when the item metadata did not reach the compiler.</summary>
        public const string ResultsFileName = "TlsGuard.libraries.tsv";

        /// <summary>Only an explicit TlsGuardEnabled=false turns the analyzer off; the package defaults it to true.</summary>
        public static bool IsEnabled(AnalyzerConfigOptionsProvider options) =>
            !options.GlobalOptions.TryGetValue(EnabledProperty, out var value)
            || !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
    }
}
