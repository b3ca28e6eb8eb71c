using System;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// RIDs whose native assets are ELF libraries loaded by a C library TlsGuard models (TargetLibc.FromRuntimeIdentifier):
    /// linux-* (glibc), linux-musl-* and alpine* (musl), linux-bionic-* and android-* (bionic), freebsd-*. Windows,
    /// Apple and browser RIDs are none of its business.
    /// </summary>
    internal static class ElfRuntimeIdentifier
    {
        private static readonly string[] Prefixes = { "linux", "android", "alpine", "freebsd" };

        public static bool IsMatch(string runtimeIdentifier)
        {
            foreach (var prefix in Prefixes)
            {
                if (runtimeIdentifier.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
