using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsGuard.Analyzers.Matching;
using TlsGuard.Analyzers.Options;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Analyzers.Results
{
    /// <summary>Finds the build's results file(s) among the AdditionalFiles and indexes what they flag.</summary>
    internal static class ResultsFileLoader
    {
        public static FlaggedLibraryIndex Load(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var libraries = new List<FlaggedLibrary>();
            foreach (var file in SelectResultsFiles(options))
            {
                var text = file.GetText(cancellationToken);
                if (text != null)
                {
                    libraries.AddRange(AnalyzerResultsFormat.Parse(text.ToString()));
                }
            }

            return new FlaggedLibraryIndex(libraries);
        }

        /// <summary>
        /// Files tagged TlsGuardKind=ScanResults; only when none is tagged, files with the build's file name (a project
        /// that adds the file by hand, or an SDK that drops the metadata).
        /// </summary>
        private static IReadOnlyList<AdditionalText> SelectResultsFiles(AnalyzerOptions options)
        {
            var tagged = new List<AdditionalText>();
            var named = new List<AdditionalText>();
            foreach (var file in options.AdditionalFiles)
            {
                var fileOptions = options.AnalyzerConfigOptionsProvider.GetOptions(file);
                if (fileOptions.TryGetValue(AnalyzerSettings.KindMetadata, out var kind)
                    && string.Equals(kind.Trim(), AnalyzerSettings.ScanResultsKind, StringComparison.OrdinalIgnoreCase))
                {
                    tagged.Add(file);
                }
                else if (string.Equals(FileNameOf(file.Path), AnalyzerSettings.ResultsFileName, StringComparison.OrdinalIgnoreCase))
                {
                    named.Add(file);
                }
            }

            return tagged.Count > 0 ? tagged : named;
        }

        private static string FileNameOf(string path)
        {
            var separator = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return path.Substring(separator + 1);
        }
    }
}
