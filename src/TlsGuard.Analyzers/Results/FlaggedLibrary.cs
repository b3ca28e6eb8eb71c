namespace TlsGuard.Analyzers.Results
{
    /// <summary>One library the build found will fail or may fail to load: a line of the results file.</summary>
    internal sealed class FlaggedLibrary
    {
        public FlaggedLibrary(string fileName, string relativePath, FlaggedVerdict verdict, long requiredBytes, string libc, string remedySummary)
        {
            FileName = fileName;
            RelativePath = relativePath;
            Verdict = verdict;
            RequiredBytes = requiredBytes;
            Libc = libc;
            RemedySummary = remedySummary;
        }

        /// <summary>"libjemalloc.so.2".</summary>
        public string FileName { get; }

        /// <summary>Where the file lands relative to the output ("runtimes/linux-x64/native/libjemalloc.so.2"), '/'-separated.</summary>
        public string RelativePath { get; }

        public FlaggedVerdict Verdict { get; }
        public long RequiredBytes { get; }

        /// <summary>The C library the verdict is for ("glibc-2.32+", "musl"); may be empty.</summary>
        public string Libc { get; }

        public string RemedySummary { get; }
    }
}
