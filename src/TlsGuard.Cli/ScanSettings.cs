using System.Collections.Generic;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Policy;

namespace TlsGuard.Cli
{
    /// <summary>A parsed `scan` command line.</summary>
    internal sealed class ScanSettings
    {
        public ScanSettings(
            IReadOnlyList<string> paths,
            AnalysisOptions options,
            string format,
            string? outputPath,
            FailOnPolicy policy,
            string? baselinePath,
            bool noColor,
            string? sourceRoot)
        {
            Paths = paths;
            Options = options;
            Format = format;
            OutputPath = outputPath;
            Policy = policy;
            BaselinePath = baselinePath;
            NoColor = noColor;
            SourceRoot = sourceRoot;
        }

        public IReadOnlyList<string> Paths { get; }
        public AnalysisOptions Options { get; }
        public string Format { get; }
        public string? OutputPath { get; }
        public FailOnPolicy Policy { get; }
        public string? BaselinePath { get; }
        public bool NoColor { get; }
        public string? SourceRoot { get; }
    }
}
