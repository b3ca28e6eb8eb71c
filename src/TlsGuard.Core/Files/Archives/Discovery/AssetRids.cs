namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>The RID an inner path gives: a NuGet package's runtimes/RID/native/, an Android package's ABI folder.</summary>
    internal static class AssetRids
    {
        /// <summary>"/runtimes/linux-x64/native/libx.so" → "linux-x64" (NuGet's RID-specific native assets); else null.</summary>
        public static string? NuGet(string inner)
        {
            var parts = inner.Split('/');
            return parts.Length >= 5 && parts[1] == "runtimes" && parts[3] == "native" && parts[2].Length > 0 ? parts[2] : null;
        }

        /// <summary>
        /// The ABI folder of an .apk ("/lib/arm64-v8a/"), an app bundle (.aab: "/BASE/lib/ABI/") or an .aar ("/jni/ABI/") as a
        /// .NET Android RID; null for other paths or ABIs .NET has no RID for.
        /// </summary>
        public static string? Android(string inner)
        {
            var parts = inner.Split('/');
            string? abi = null;
            if (parts.Length >= 4 && (parts[1] == "lib" || parts[1] == "jni"))
            {
                abi = parts[2];
            }
            else if (parts.Length >= 5 && parts[2] == "lib")
            {
                abi = parts[3];
            }

            switch (abi)
            {
                case "arm64-v8a": return "android-arm64";
                case "armeabi-v7a":
                case "armeabi": return "android-arm";
                case "x86_64": return "android-x64";
                case "x86": return "android-x86";
                default: return null;
            }
        }

        /// <summary>"linux-x64" or "linux-musl-x64" for a file in an image whose C library is known.</summary>
        public static string? Image(ImageLibc libc, string? architecture)
        {
            if (architecture == null || libc == ImageLibc.Unknown)
            {
                return null;
            }

            return (libc == ImageLibc.Musl ? "linux-musl-" : "linux-") + architecture;
        }
    }
}
