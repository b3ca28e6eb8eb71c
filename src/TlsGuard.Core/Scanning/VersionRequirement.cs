using System.Collections.Generic;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// One DT_VERNEED entry: a file (as DT_NEEDED names it) and the versions this module needs from it, in table
    /// order ("libc.so.6": "GLIBC_2.2.5", "GLIBC_2.34"). The loader refuses the module when the file that answers to
    /// that name does not define them all.
    /// </summary>
    public sealed record VersionRequirement(string File, IReadOnlyList<string> Versions)
    {
        private readonly int? versionsTotal;

        /// <summary>Versions needed from <see cref="File"/>; more than <see cref="Versions"/> holds when it reached <see cref="ScanLimits.VersionsPerRequirement"/>.</summary>
        public int VersionsTotal
        {
            get => System.Math.Max(versionsTotal ?? 0, Versions.Count);
            init => versionsTotal = value;
        }
    }
}
