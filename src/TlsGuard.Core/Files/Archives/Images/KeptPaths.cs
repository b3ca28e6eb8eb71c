using System;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>
    /// The small text files a loader model reads from an image, kept from streamed archives besides ELF files and ar
    /// archives: glibc's /etc/ld.so.conf and ld.so.conf.d/*, its /etc/ld.so.cache, musl's /etc/ld-musl-ARCH.path
    /// (musl ldso/dynlink.c reads "/etc/ld-musl-" LDSO_ARCH ".path"), and os-release to name the distribution.
    /// </summary>
    internal static class KeptPaths
    {
        public static bool IsLoaderConfiguration(string path) =>
            path == "/etc/ld.so.conf"
            || path == "/etc/ld.so.cache"
            || path == "/etc/os-release"
            || path == "/usr/lib/os-release"
            || (path.StartsWith("/etc/ld.so.conf.d/", StringComparison.Ordinal) && path.IndexOf('/', "/etc/ld.so.conf.d/".Length) < 0)
            || (path.StartsWith("/etc/ld-musl-", StringComparison.Ordinal) && path.EndsWith(".path", StringComparison.Ordinal) && path.IndexOf('/', 5) < 0);
    }
}
