using TlsGuard.Core.Analysis;
using TlsGuard.Core.Knowledge;

namespace TlsGuard.Core.Describe
{
    /// <summary>The words of a remedy: the build fix, the loader's run-time workaround, and the one-line summary messages carry.</summary>
    public static class RemedyText
    {
        private const string BeforeStart = "in the environment before the process starts (Environment.SetEnvironmentVariable inside the process is too late)";

        public static string BuildFix(Remedy remedy) => remedy.Known?.BuildFix ?? KnownOffenders.GenericBuildFix;

        /// <summary>Empty for object code: nothing runs yet.</summary>
        public static string RuntimeWorkaround(Remedy remedy)
        {
            if (remedy.ObjectCode)
            {
                return "";
            }

            var runtime = LoaderWorkaround(remedy);
            if (remedy.Known != null && remedy.Known.RuntimeNote.Length > 0 && remedy.Libc.Kind != LibcKind.Bionic)
            {
                runtime += "; " + remedy.Known.RuntimeNote;
            }

            return runtime;
        }

        public static string Summary(Remedy remedy)
        {
            if (remedy.ObjectCode)
            {
                return BuildFix(remedy);
            }

            var subject = remedy.Known == null ? remedy.Module : remedy.Module + " (" + remedy.Known.Name + ")";
            return "for " + subject + ": " + BuildFix(remedy) + "; at run time: " + RuntimeWorkaround(remedy);
        }

        private static string LoaderWorkaround(Remedy remedy)
        {
            var preload = "LD_PRELOAD=/path/to/" + remedy.Module;
            var tunables = remedy.GlibcTunables;
            switch (remedy.Libc.Kind)
            {
                case LibcKind.Glibc when remedy.Libc.IsGlibcBefore(2, 32):
                    return "set " + preload + " " + BeforeStart + "; glibc before 2.32 has no static TLS tunable";
                case LibcKind.Glibc:
                    return tunables != null
                        ? "set " + tunables + " or " + preload + " " + BeforeStart
                        : "set " + preload + " " + BeforeStart;
                case LibcKind.Musl:
                    return "set " + preload + " " + BeforeStart + "; musl accepts initial-exec TLS into preloaded modules";
                case LibcKind.FreeBsd:
                    return "set " + preload + " " + BeforeStart;
                default:
                    return "none: an Android app cannot preload libraries, the library must be rebuilt";
            }
        }
    }
}
