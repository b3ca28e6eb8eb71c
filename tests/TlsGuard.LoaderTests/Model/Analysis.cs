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

        /// <summary>glibc 2.36 in a C program linking only libc (the loader tests' dlopen host).</summary>
        public static AnalysisOptions BareCHost(string libc = "glibc-2.36")
        {
            return new AnalysisOptions { TargetLibc = libc, StartupLibraries = StartupSet.BareCHostLibraries, Host = HostKind.CProgram };
        }

        /// <summary>glibc 2.36 (this machine's, Debian 12) in the dotnet host.</summary>
        public static AnalysisOptions Glibc236 { get; } = new AnalysisOptions { TargetLibc = "glibc-2.36" };
    }
}
