using System;

namespace TlsGuard.Core.Analysis
{
    /// <summary>TLS symbols the C libraries export to their own family (libm, libresolv, libnsl reach errno through initial-exec).</summary>
    internal static class KnownStartupSymbols
    {
        private static readonly string[] Names =
        {
            "errno", "h_errno", "__libc_errno", "__libc_h_errno", "__h_errno", "__resp", "_res", "__libc_dlerror_result",
            "__libc_tsd_CTYPE_B", "__libc_tsd_CTYPE_TOLOWER", "__libc_tsd_CTYPE_TOUPPER", "__libc_tsd_LOCALE", "__libc_single_threaded_internal",
        };

        public static bool Contains(string symbol)
        {
            return Array.IndexOf(Names, symbol) >= 0 || symbol.StartsWith("__libc_tsd_", StringComparison.Ordinal);
        }

        /// <summary>"errno@GLIBC_PRIVATE" and "errno@@GLIBC_2.2.5" name the same symbol as "errno".</summary>
        public static string WithoutVersion(string symbol)
        {
            var at = symbol.IndexOf('@');
            return at < 0 ? symbol : symbol.Substring(0, at);
        }
    }
}
