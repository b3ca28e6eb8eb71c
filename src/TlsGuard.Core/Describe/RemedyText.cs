using System;
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

            if (remedy.Known != null && remedy.Known.RuntimeFix.Length > 0 && remedy.Libc.Kind != LibcKind.Bionic)
            {
                return remedy.Known.RuntimeFix;
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
            switch (remedy.Libc.Kind)
            {
                case LibcKind.Glibc:
                    return Glibc(remedy, preload);
                case LibcKind.Musl:
                    return "set " + preload + " " + BeforeStart + "; musl accepts initial-exec TLS into preloaded modules";
                case LibcKind.FreeBsd:
                    return remedy.LdStaticTlsExtra != null
                        ? "set " + remedy.LdStaticTlsExtra + " (the spare static TLS rtld keeps for modules loaded later, 128 bytes by default) or " + preload + " " + BeforeStart
                        : "set " + preload + " " + BeforeStart;
                default:
                    return remedy.Rule == BudgetRule.NoElfTls
                        ? "raise the app's minimum Android API level to 29 (SupportedOSPlatformVersion, minSdkVersion), where ELF TLS exists, or rebuild the library with emulated TLS (-femulated-tls) for older levels"
                        : "none: an Android app cannot preload libraries, the library must be rebuilt";
            }
        }

        private static string Glibc(Remedy remedy, string preload)
        {
            switch (remedy.Rule)
            {
                case BudgetRule.OverAligned:
                    return "set " + preload + " " + BeforeStart + "; no tunable helps a block aligned above the static TLS alignment";
                case BudgetRule.DtvSurplusExceeded:
                    return "set " + preload + " " + BeforeStart + "; before glibc 2.22 only modules loaded at startup escape the module-id limit";
            }

            var noTunable = NoTunableBefore232(remedy);
            var tunable = remedy.GlibcTunables;
            if (tunable == null)
            {
                return "set " + preload + " " + BeforeStart + (noTunable ? "; glibc before 2.32 has no static TLS tunable" : "");
            }

            var where = noTunable ? " on glibc 2.32 and later (glibc before 2.32 has no static TLS tunable: only the preload helps there)" : "";
            return remedy.Tunable!.Guaranteed
                ? "set " + tunable + where + " or " + preload + " " + BeforeStart + "; with it the set fits: each glibc.rtld.nns namespace adds 288 bytes no TLS descriptor user can take"
                : "set " + tunable + where + " " + BeforeStart + ": it then loads, but no tunable guarantees it (TLS descriptor users loaded first may take the optional pool); " + preload + " does";
        }

        /// <summary>Whether the verdict covers glibc releases before 2.32, which have no tunable.</summary>
        private static bool NoTunableBefore232(Remedy remedy)
        {
            if (remedy.Libc.IsGlibcBefore(2, 32))
            {
                return true;
            }

            var from = remedy.Judged?.RangeStart ?? remedy.Judged?.From;
            return from != null && remedy.Judged!.Kind == LibcKind.Glibc && from < new Version(2, 32);
        }
    }
}
