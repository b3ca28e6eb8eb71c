using System;

namespace TlsGuard.Tests.Shared
{
    /// <summary>This machine's glibc release as getconf reports it: an answer independent of TlsGuard's own reading.</summary>
    internal static class MachineGlibc
    {
        private static readonly Lazy<string> Release = new Lazy<string>(() =>
        {
            var result = ChildProcess.Run("getconf", new[] { "GNU_LIBC_VERSION" });
            return result.Output.Trim().Replace("glibc ", "", StringComparison.Ordinal);
        });

        /// <summary>"2.36" on Debian 12.</summary>
        public static string Version => Release.Value;
    }
}
