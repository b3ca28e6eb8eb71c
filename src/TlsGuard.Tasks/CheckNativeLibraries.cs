using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Caching;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Checks native libraries for static TLS that will make dlopen fail and logs TLS0xx diagnostics.
    /// A thin face over <see cref="CachedAnalysis"/>: it maps items to inputs and findings to log entries; the core keeps a
    /// scan cache and the last analyses, so that a no-op rebuild reads no library yet repeats every warning.
    /// </summary>
    public sealed class CheckNativeLibraries : Task
    {
        /// <summary>
        /// Files to check, with NuGetPackageId, NuGetPackageVersion, RuntimeIdentifier, DestinationSubPath/RelativePath,
        /// TlsGuardOrigin, TlsGuardSuppress; packed files (TlsGuardOrigin=Pack) with PackagePath and RecursiveDir/NuGetRecursiveDir.
        /// </summary>
        public ITaskItem[] Libraries { get; set; } = new ITaskItem[0];

        /// <summary>When set, shared objects under this folder that are not in <see cref="KnownOutputFiles"/> are checked too.</summary>
        public string? OutputDirectory { get; set; }

        /// <summary>Output-relative paths of files the build copies to <see cref="OutputDirectory"/> (checked at their source, or deliberately skipped).</summary>
        public ITaskItem[] KnownOutputFiles { get; set; } = new ITaskItem[0];

        public string? RuntimeIdentifier { get; set; }
        public string? TargetLibc { get; set; }
        public ITaskItem[] SearchPaths { get; set; } = new ITaskItem[0];
        public string? Sysroot { get; set; }

        /// <summary>auto | true | false: whether this machine's library folders resolve DT_NEEDED names; empty: auto.</summary>
        public string? SystemLibraries { get; set; }

        /// <summary>A ;-list of sonames the host has loaded before any P/Invoke; empty: the dotnet host's set.</summary>
        public string? StartupLibraries { get; set; }

        /// <summary>GLIBC_TUNABLES the application runs with ("glibc.rtld.nns=9"); empty: glibc's defaults.</summary>
        public string? GlibcTunables { get; set; }

        /// <summary>dotnet | single-file | native-aot | c-program, from PublishAot/PublishSingleFile on publish; empty: dotnet.</summary>
        public string? HostKind { get; set; }

        /// <summary>The runtime pack folder the build resolved (self-contained); empty: the measured .NET 10 figures.</summary>
        public string? RuntimePack { get; set; }

        /// <summary>The minimum Android API level (SupportedOSPlatformVersion of an android TFM); empty when not an Android project.</summary>
        public string? AndroidApiLevel { get; set; }

        /// <summary>error | warning | message | none for TLS001/002/003/006; empty: warning.</summary>
        public string? Severity { get; set; }

        /// <summary>A ;-list of file-name patterns (* and ?) whose findings are not reported.</summary>
        public string? SuppressLibraries { get; set; }

        public bool TreatWarningsAsErrors { get; set; }
        public string? WarningsNotAsErrors { get; set; }
        public string? NoWarn { get; set; }

        /// <summary>fails | at-risk | any | never; empty: severity alone decides.</summary>
        public string? FailOn { get; set; }

        public string? BaselineFile { get; set; }

        /// <summary>Report baseline entries that match nothing (TLS008); only the scan that sees the whole build should.</summary>
        public bool ReportStaleBaselineEntries { get; set; }

        public string? SarifFile { get; set; }
        public string? ProjectFile { get; set; }
        public string? RepositoryRoot { get; set; }

        /// <summary>The analyzer hand-off file (see <see cref="AnalyzerResultsFile"/>).</summary>
        public string? ResultsFile { get; set; }

        public string? CacheFile { get; set; }

        /// <summary>Where analyses are kept for no-op builds; empty: beside <see cref="CacheFile"/>, with the extension .analysis.</summary>
        public string? AnalysisStoreFile { get; set; }

        /// <summary>Keys of findings an earlier scan of this build already logged; they are not logged twice.</summary>
        public ITaskItem[] AlreadyReported { get; set; } = new ITaskItem[0];

        /// <summary>Keys of the findings this scan logged, to pass to a later scan's <see cref="AlreadyReported"/>.</summary>
        [Output]
        public ITaskItem[] ReportedFindings { get; private set; } = new ITaskItem[0];

        [Output]
        public int LibraryCount { get; private set; }

        [Output]
        public int ReadCount { get; private set; }

        [Output]
        public int CacheHitCount { get; private set; }

        /// <summary>True when the stored analysis of an earlier build was reused (every library and probed path unchanged).</summary>
        [Output]
        public bool AnalysisReused { get; private set; }

        public override bool Execute()
        {
            if (!TryCreateSettings(out var settings, out var options))
            {
                return false;
            }

            var inputs = CollectInputs();
            var analysis = CachedAnalysis.Run(inputs, options, CacheFiles(), ToolIdentity.CacheKey);
            foreach (var note in analysis.Notes)
            {
                Log.LogMessage(MessageImportance.Low, "TlsGuard: {0}", note);
            }

            LibraryCount = inputs.Count;
            ReadCount = analysis.ReadCount;
            CacheHitCount = analysis.CacheHitCount;
            AnalysisReused = analysis.Reused;

            // Stored or fresh, the analysis goes through the same policy, so warnings repeat on every build and a changed
            // setting (severity, baseline, suppression) applies at once.
            var report = PolicyPipeline.Apply(analysis.Analysis, settings);
            ReportedFindings = LogFindings(report).ToArray();
            WriteSarif(report);
            if (!string.IsNullOrWhiteSpace(ResultsFile))
            {
                WriteFile(ResultsFile!, AnalyzerResultsFile.Format(report.VisibleFlaggedLibraries), "analyzer results file");
            }

            Log.LogMessage(MessageImportance.Low, "TlsGuard: {0} libraries, {1} read, {2} from cache{3}", LibraryCount, ReadCount, CacheHitCount, AnalysisReused ? ", analysis reused" : "");
            return !Log.HasLoggedErrors;
        }

        /// <summary>The scan cache and, beside it unless given, the stored analyses (TlsGuard.cache, TlsGuard.analysis).</summary>
        private CacheFiles? CacheFiles()
        {
            if (string.IsNullOrEmpty(CacheFile))
            {
                return null;
            }

            var store = string.IsNullOrEmpty(AnalysisStoreFile) ? Path.ChangeExtension(CacheFile!, ".analysis") : AnalysisStoreFile!;
            return new CacheFiles(CacheFile!, store);
        }

        /// <summary>Maps the properties to the core's settings; a value TlsGuard does not accept is a TLS010 error, and nothing is checked.</summary>
        private bool TryCreateSettings(out PolicySettings settings, out AnalysisOptions options)
        {
            settings = new PolicySettings();
            options = new AnalysisOptions();
            var valid = true;
            if (!SeverityNames.TryParse(Severity, out var severity))
            {
                valid = Invalid("TlsGuardSeverity", Severity, string.Join(", ", SeverityNames.All));
            }

            if (!string.IsNullOrWhiteSpace(TargetLibc) && !Core.Analysis.TargetLibc.TryParse(TargetLibc, out _))
            {
                valid = Invalid("TlsGuardTargetLibc", TargetLibc, "glibc, glibc-X.Y (e.g. glibc-2.28), musl, bionic, bionic-N (Android API level) or freebsd");
            }

            if (!SystemLibrariesNames.TryParse(SystemLibraries, out var systemLibraries))
            {
                valid = Invalid("TlsGuardSystemLibraries", SystemLibraries, SystemLibrariesNames.Accepted);
            }

            FailOn? failOn = null;
            if (!string.IsNullOrWhiteSpace(FailOn))
            {
                if (FailOnPolicy.TryParse(FailOn, out var level))
                {
                    failOn = level;
                }
                else
                {
                    valid = Invalid("TlsGuardFailOn", FailOn, string.Join(", ", FailOnPolicy.Names));
                }
            }

            Baseline? baseline = null;
            if (valid && !string.IsNullOrWhiteSpace(BaselineFile))
            {
                try
                {
                    baseline = Baseline.Load(BaselineFile!);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is BaselineFormatException)
                {
                    Log.LogError(null, null, null, BaselineFile, 0, 0, 0, 0, "TlsGuardBaselineFile could not be read: {0}", exception.Message);
                    valid = false;
                }
            }

            if (!valid)
            {
                return false;
            }

            settings = new PolicySettings
            {
                Severity = severity,
                FailOn = failOn,
                SuppressLibraries = ListSplitter.Split(SuppressLibraries, ';'),
                Baseline = baseline,
                ReportStaleBaselineEntries = ReportStaleBaselineEntries,
                TreatWarningsAsErrors = TreatWarningsAsErrors,
                WarningsNotAsErrors = ListSplitter.Codes(WarningsNotAsErrors),
                NoWarn = ListSplitter.Codes(NoWarn),
            };
            options = CreateOptions() with { SystemLibraries = systemLibraries };
            return true;
        }

        private bool Invalid(string setting, string? value, string accepted)
        {
            FindingLogger.Log(Log, FindingFactory.InvalidSetting(setting, value ?? "", accepted, ProjectFile ?? ""), DiagnosticSeverity.Error);
            return false;
        }

        private List<LibraryInput> CollectInputs()
        {
            var inputs = new List<LibraryInput>();
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            var packages = new PackageFolderLookup();
            foreach (var item in Libraries)
            {
                foreach (var (input, origin) in LibraryItemMapper.MapAll(item, packages))
                {
                    var reason = CandidateFilter.SkipReason(origin, input);
                    if (reason != null)
                    {
                        Log.LogMessage(MessageImportance.Low, "TlsGuard: not checking {0}: {1}", input.Path, reason);
                        continue;
                    }

                    // The same file often arrives through several item lists: one input, suppressed if any item says so.
                    // A packed file may go to several RIDs' folders: one input per RID. (Other inputs are keyed by path.)
                    var key = origin == LibraryOrigin.Pack ? input.Path + "\n" + input.RuntimeIdentifier : input.Path;
                    if (byKey.TryGetValue(key, out var index))
                    {
                        if (input.Suppressed)
                        {
                            inputs[index] = inputs[index] with { Suppressed = true };
                        }

                        continue;
                    }

                    byKey.Add(key, inputs.Count);
                    inputs.Add(input);
                }
            }

            if (!string.IsNullOrEmpty(OutputDirectory))
            {
                foreach (var file in OutputDirectoryDiscovery.Find(OutputDirectory!, KnownOutputFiles.Select(item => item.ItemSpec)))
                {
                    if (byKey.ContainsKey(file))
                    {
                        continue;
                    }

                    var relativePath = OutputDirectoryDiscovery.RelativePath(OutputDirectory!, file);
                    byKey.Add(file, inputs.Count);
                    inputs.Add(new LibraryInput(file)
                    {
                        RelativePath = relativePath,
                        RuntimeIdentifier = LibraryItemMapper.RuntimeIdentifierFromPath(relativePath),
                    });
                }
            }

            return inputs;
        }

        private AnalysisOptions CreateOptions()
        {
            var startup = ListSplitter.Split(StartupLibraries, ';');
            HostKindNames.TryParse(HostKind, out var host);
            return new AnalysisOptions
            {
                GlibcTunables = string.IsNullOrWhiteSpace(GlibcTunables) ? null : GlibcTunables!.Trim(),
                Host = host,
                RuntimePack = string.IsNullOrWhiteSpace(RuntimePack) ? null : RuntimePack!.Trim(),
                AndroidApiLevel = ApiLevel(AndroidApiLevel),
                TargetLibc = string.IsNullOrWhiteSpace(TargetLibc) ? null : TargetLibc!.Trim(),
                RuntimeIdentifier = string.IsNullOrWhiteSpace(RuntimeIdentifier) ? null : RuntimeIdentifier!.Trim(),
                SearchPaths = SearchPaths.Select(item => item.GetMetadata("FullPath")).Where(path => path.Length > 0).ToList(),
                Sysroot = string.IsNullOrWhiteSpace(Sysroot) ? null : Path.GetFullPath(Sysroot!.Trim()),
                StartupLibraries = startup.Count == 0 ? null : startup,
            };
        }

        /// <summary>"21", "21.0" or "29.0.0" (SupportedOSPlatformVersion) → the major number; anything else → none.</summary>
        private static int? ApiLevel(string? text)
        {
            var major = (text ?? "").Trim().Split('.')[0];
            return int.TryParse(major, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level) && level > 0 ? level : (int?)null;
        }

        /// <summary>Logs what the policy reports (baselined findings are not logged), each once per build.</summary>
        private List<ITaskItem> LogFindings(Report report)
        {
            var already = new HashSet<string>(AlreadyReported.Select(item => item.ItemSpec), StringComparer.Ordinal);
            var reported = new List<ITaskItem>();
            foreach (var finding in report.Logged)
            {
                var key = ReportedFindingKey.Of(finding.Finding);
                if (already.Contains(key))
                {
                    continue;
                }

                FindingLogger.Log(Log, finding.Finding, finding.LogLevel);
                reported.Add(new TaskItem(key));
            }

            return reported;
        }

        private void WriteSarif(Report report)
        {
            if (string.IsNullOrWhiteSpace(SarifFile))
            {
                return;
            }

            var context = new ReportContext
            {
                ToolVersion = ToolIdentity.Version,
                RepositoryRoot = string.IsNullOrWhiteSpace(RepositoryRoot) ? null : RepositoryRoot,
                ProjectFile = string.IsNullOrWhiteSpace(ProjectFile) ? null : ProjectFile,
                WorkingDirectory = string.IsNullOrWhiteSpace(ProjectFile) ? null : Path.GetDirectoryName(ProjectFile),
            };
            var text = new StringWriter();
            SarifReportWriter.Write(text, report, context);
            WriteFile(SarifFile!, text.ToString(), "SARIF report");
        }

        /// <summary>Unchanged content leaves the file alone: the results file is a compiler input, and a new time stamp would recompile.</summary>
        private void WriteFile(string path, string content, string what)
        {
            try
            {
                AtomicFile.WriteAllTextIfChanged(path, content);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                Log.LogError(null, null, null, path, 0, 0, 0, 0, "TlsGuard could not write the {0}: {1}", what, exception.Message);
            }
        }
    }
}
