using System;
using System.Collections.Generic;
using System.IO;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// TlsGuardSuppress="true" item metadata and TlsGuardSuppressLibraries patterns, applied to the file a finding names.
    /// Suppressed libraries stay in the analysis: their static TLS still takes room that others need.
    /// </summary>
    internal sealed class FindingSuppression
    {
        private readonly HashSet<string> _paths = new HashSet<string>(StringComparer.Ordinal);
        private readonly LibraryNamePatterns _patterns;

        public FindingSuppression(IEnumerable<LibraryCandidate> candidates, LibraryNamePatterns patterns)
        {
            _patterns = patterns;
            foreach (var candidate in candidates)
            {
                if (candidate.Suppressed)
                {
                    _paths.Add(candidate.Input.Path);
                }
            }
        }

        public bool Hides(string path) => _paths.Contains(path) || _patterns.Matches(Path.GetFileName(path));
    }
}
