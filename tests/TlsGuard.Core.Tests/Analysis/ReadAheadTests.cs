using TlsGuard.Core.Analysis;
using TlsGuard.Core.Files;
using TlsGuard.Core.Policy;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Core.Tests.Analysis
{
    /// <summary>
    /// Reading files on several threads (the CLI's ScanThreads) is a way to run, not a different analysis: every report
    /// must equal the one reading the same files one by one, including a file reached under two names and this
    /// machine's libraries found for DT_NEEDED names.
    /// </summary>
    public sealed class ReadAheadTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "tlsguard-readahead-" + Guid.NewGuid().ToString("N"));

        public ReadAheadTests() => Directory.CreateDirectory(folder);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        [Fact]
        public void Several_threads_give_the_report_one_thread_gives()
        {
            var inputs = FixtureInputs();
            Assert.True(inputs.Count > 100, inputs.Count + " inputs");

            var inOrder = Json(inputs, threads: 1);
            var ahead = Json(inputs, threads: 4);

            Assert.Equal(inOrder, ahead);
            Assert.Contains("\"TLS001\"", ahead);
        }

        /// <summary>This machine's libraries: deep closures through the system folders, static TLS, remedies, shared dependencies.</summary>
        [Fact]
        public void Several_threads_judge_this_machines_libraries_as_one_thread_does()
        {
            var inputs = Directory.EnumerateFiles("/usr/lib/x86_64-linux-gnu", "*.so*")
                .Where(path => !new FileInfo(path).Attributes.HasFlag(FileAttributes.ReparsePoint))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Take(200)
                .Select(path => new LibraryInput(path))
                .ToList();
            Assert.True(inputs.Count > 100, inputs.Count + " inputs");

            var inOrder = Json(inputs, threads: 1);

            Assert.Equal(inOrder, Json(inputs, threads: 2));
            Assert.Equal(inOrder, Json(inputs, threads: 8));
            Assert.Contains("\"TLS002\"", inOrder);
        }

        [Fact]
        public void A_file_named_twice_is_reported_under_each_name_with_the_same_facts()
        {
            var library = RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so");
            var link = Path.Combine(folder, "libie_own.so.1");
            File.CreateSymbolicLink(link, library);
            var inputs = new[] { new LibraryInput(library), new LibraryInput(link) };

            var report = LoadAnalyzer.Analyze(inputs, new AnalysisOptions { ScanThreads = 2, FileSystem = DiskFileSystem.ForOneRun() });

            var verdicts = report.Libraries.Where(l => l.Scan.IsSharedObject).ToList();
            Assert.Equal(new[] { library, link }, verdicts.Select(v => v.Input.Path));
            Assert.Equal(link, verdicts[1].Scan.Path);
            Assert.Equal(Facts(verdicts[0].Scan), Facts(verdicts[1].Scan));
            Assert.All(verdicts, v => Assert.Equal(Verdict.Fails, v.Verdict));
        }

        private static string Facts(Core.Scanning.ElfScanResult scan) => string.Join(
            "|",
            scan.Soname,
            string.Join(",", scan.Needed),
            scan.TlsBlock?.Size,
            string.Join(",", scan.StaticTlsRelocations.Select(pair => pair.Key + "=" + pair.Value)),
            string.Join(",", scan.DefinedTlsSymbols),
            string.Join(",", scan.VersionedImports.Select(import => import.Symbol + "@" + import.Version)));

        private List<LibraryInput> FixtureInputs()
        {
            var inputs = Directory.EnumerateFiles(RepositoryRoot.FixtureElf, "*", SearchOption.AllDirectories)
                .Where(path => path.EndsWith(".so", StringComparison.Ordinal) || path.EndsWith(".a", StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => new LibraryInput(path))
                .ToList();

            // A second name for an input, as a soname link in an app folder gives one.
            var link = Path.Combine(folder, "libie_ext.so.1");
            File.CreateSymbolicLink(link, RepositoryRoot.Fixture("x86_64-gcc", "libie_ext.so"));
            inputs.Add(new LibraryInput(link));
            return inputs;
        }

        private static string Json(IReadOnlyList<LibraryInput> inputs, int threads)
        {
            var options = new AnalysisOptions { ScanThreads = threads, FileSystem = DiskFileSystem.ForOneRun() };
            var report = PolicyPipeline.Apply(LoadAnalyzer.Analyze(inputs, options), new PolicySettings());
            var text = new StringWriter();
            JsonReportWriter.Write(text, report, new ReportContext { ToolVersion = "test", WorkingDirectory = "/" });
            return text.ToString();
        }
    }
}
