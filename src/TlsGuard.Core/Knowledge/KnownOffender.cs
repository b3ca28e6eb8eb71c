using System.Collections.Generic;

namespace TlsGuard.Core.Knowledge
{
    /// <summary>A library known to use initial-exec TLS, how to recognise it, and what fixes it.</summary>
    public sealed class KnownOffender
    {
        /// <summary>The project's name as people know it ("jemalloc").</summary>
        public string Name { get; init; } = "";

        /// <summary>Shell patterns for the soname or file name ("libjemalloc.so*"); case-insensitive.</summary>
        public IReadOnlyList<string> FileNames { get; init; } = new string[0];

        /// <summary>Shell patterns for TLS symbol names the library defines or references ("*je_tsd_tls"); they find copies linked into other libraries.</summary>
        public IReadOnlyList<string> Symbols { get; init; } = new string[0];

        /// <summary>The permanent fix: how to rebuild it.</summary>
        public string BuildFix { get; init; } = "";

        /// <summary>What to know about working around it at run time (added to the loader-specific workaround).</summary>
        public string RuntimeNote { get; init; } = "";

        /// <summary>
        /// The run-time fix that replaces the loader's generic workaround, for libraries that must be in the initial load
        /// set (sanitizer runtimes, tcmalloc): no tunable is suggested for them.
        /// </summary>
        public string RuntimeFix { get; init; } = "";

        /// <summary>The real binary whose TLS was verified for this entry, and what it has.</summary>
        public string Verified { get; init; } = "";

        /// <summary>The upstream issues or commits that settle the advice.</summary>
        public string References { get; init; } = "";
    }
}
