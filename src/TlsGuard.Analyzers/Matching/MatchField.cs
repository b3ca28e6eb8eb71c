namespace TlsGuard.Analyzers.Matching
{
    /// <summary>Which part of a results-file line a probed name is compared with.</summary>
    internal enum MatchField
    {
        /// <summary>A bare name ("foo", "libfoo.so.2") or a rooted path, whose folder is outside the build.</summary>
        FileName,

        /// <summary>A relative path ("native/libfoo.so"): the runtime resolves it against the application folder.</summary>
        RelativePath,
    }
}
