namespace TlsGuard.Core.Analysis
{
    /// <summary>Whether DT_NEEDED names are looked up among the libraries of the machine running the check.</summary>
    public enum SystemLibraries
    {
        /// <summary>When this machine can stand in for the target: Linux, the same machine, the same C library family, no sysroot given.</summary>
        Auto,

        /// <summary>Always (a sysroot, when given, is searched instead).</summary>
        On,

        /// <summary>Never: a dependency not shipped with the app is reported as not found (TLS005).</summary>
        Off,
    }

    /// <summary>The spellings of TlsGuardSystemLibraries (auto, true, false) and --system-libraries (auto, on, off).</summary>
    public static class SystemLibrariesNames
    {
        public const string Accepted = "auto, true (on) or false (off)";

        public static bool TryParse(string? text, out SystemLibraries value)
        {
            switch ((text ?? "").Trim().ToLowerInvariant())
            {
                case "": case "auto": value = SystemLibraries.Auto; return true;
                case "true": case "on": case "yes": value = SystemLibraries.On; return true;
                case "false": case "off": case "no": value = SystemLibraries.Off; return true;
                default: value = SystemLibraries.Auto; return false;
            }
        }
    }
}
