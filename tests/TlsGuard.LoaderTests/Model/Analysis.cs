using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.LoaderTests.Model
{
    internal static class Analysis
    {
        public static AnalysisReport Run(FakeLibraries libraries, AnalysisOptions options, params string[] paths)
        {
            return LoadAnalyzer.Analyze(paths.Select(p => new LibraryInput(p)).ToList(), options, libraries);
        }

        public static AnalysisReport Run(FakeLibraries libraries, params string[] paths)
        {
            return Run(libraries, new AnalysisOptions(), paths);
        }

        public static LibraryVerdict Library(this AnalysisReport report, string path)
        {
            return report.Libraries.Single(l => l.Input.Path == path);
        }

        public static IReadOnlyList<Finding> WithId(this AnalysisReport report, string id)
        {
            return FindingFactory.Describe(report).Where(f => f.Id == id).ToList();
        }

        public static AnalysisOptions BareCHost(long startupBytes = 144)
        {
            return new AnalysisOptions { StartupLibraries = StartupSet.BareCHostLibraries, StartupStaticTlsBytes = startupBytes };
        }
    }
}
