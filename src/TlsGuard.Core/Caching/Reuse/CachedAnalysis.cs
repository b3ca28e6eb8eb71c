using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// An analysis for a build, made at most once per set of unchanged inputs: the stored analysis is reused when its
    /// key (<see cref="AnalysisKey"/>) matches and every file-system question it asked gets the same answer; otherwise
    /// the libraries are analysed (unchanged files answered from the scan cache) with every question recorded, and the
    /// new analysis is stored. A no-op build so reads one file and stats each path the last analysis looked at.
    /// </summary>
    public static class CachedAnalysis
    {
        /// <summary>
        /// The current executable (the build's dotnet host) stands in for what this machine is (MachineIdentity reads its
        /// C library from it): the same file at that path means the same machine.
        /// </summary>
        private const string OwnExecutable = "/proc/self/exe";

        /// <param name="inputs">The libraries to check.</param>
        /// <param name="options">How to judge them; an analysis is only stored for the machine's own disk.</param>
        /// <param name="files">Where the scan cache and the store are kept; null: analyse without either.</param>
        /// <param name="toolVersion">The tool's identity (version and build): nothing another build of the tool stored is reused.</param>
        public static CachedAnalysisResult Run(IReadOnlyList<LibraryInput> inputs, AnalysisOptions options, CacheFiles? files, string toolVersion)
        {
            if (files == null || !(options.FileSystem is DiskFileSystem))
            {
                var plain = new CachingScanSource(new DefaultScanSource(options.FileSystem), new ScanCache(toolVersion));
                var report = LoadAnalyzer.Analyze(inputs, options, plain);
                return new CachedAnalysisResult(DescribedAnalysis.Of(report), plain.ReadCount, plain.CacheHitCount, false, new string[0]);
            }

            var notes = new List<string>();
            var key = AnalysisKey.Of(toolVersion, inputs, options);
            var store = AnalysisStore.Load(files.AnalysisFile, toolVersion);
            var stored = store.FindValid(key, options.FileSystem);
            foreach (var rejected in store.Rejected)
            {
                notes.Add("dropped from the stored analyses: " + rejected);
            }

            if (stored != null)
            {
                return new CachedAnalysisResult(stored.Analysis, 0, stored.ScannedFiles, true, notes);
            }

            var cache = ScanCache.Load(files.ScanCacheFile, toolVersion);
            var recorder = new ProbeRecorder(options.FileSystem);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                recorder.Ask(ProbeKind.Status, OwnExecutable);
            }

            var scans = new CachingScanSource(new DefaultScanSource(options.FileSystem), cache);
            var analysis = DescribedAnalysis.Of(LoadAnalyzer.Analyze(inputs, options with { FileSystem = new RecordingFileSystem(recorder) }, new RecordingScanSource(scans, recorder)));
            Save(() => cache.Save(files.ScanCacheFile), "scan cache", files.ScanCacheFile, notes);
            if (recorder.IsStable)
            {
                store.Put(new StoredAnalysis(key, recorder.Probes, scans.ReadCount + scans.CacheHitCount, analysis));
            }

            Save(() => store.Save(files.AnalysisFile), "stored analysis", files.AnalysisFile, notes);
            return new CachedAnalysisResult(analysis, scans.ReadCount, scans.CacheHitCount, false, notes);
        }

        /// <summary>The caches only save time: a file that cannot be written is a note, and the next build analyses again.</summary>
        private static void Save(Func<bool> save, string what, string file, List<string> notes)
        {
            try
            {
                save();
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                notes.Add("could not write the " + what + " " + file + ": " + exception.Message);
            }
        }
    }

    /// <summary>Where a project keeps its scan cache and its stored analyses.</summary>
    public sealed record CacheFiles(string ScanCacheFile, string AnalysisFile);

    /// <summary>
    /// The analysis, how many files were read and how many answered from the cache (all of them when the whole analysis
    /// was reused), whether it was, and notes for a detailed log (what was dropped from the caches, what could not be written).
    /// </summary>
    public sealed record CachedAnalysisResult(DescribedAnalysis Analysis, int ReadCount, int CacheHitCount, bool Reused, IReadOnlyList<string> Notes);
}
