using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Describe
{
    /// <summary>The words of a C library mismatch: what the loader will say, and what fixes it.</summary>
    public static class MismatchText
    {
        public static string ReasonName(LibcMismatchReason reason) => reason switch
        {
            LibcMismatchReason.NeedsOtherLibcFile => "needs-file",
            LibcMismatchReason.ImportsMissingSymbol => "missing-symbol",
            LibcMismatchReason.NeedsNewerGlibc => "newer-glibc",
            _ => "linked-against-glibc",
        };

        /// <summary>The target loader's own error for a certain refusal.</summary>
        public static string LoaderError(LibcMismatch mismatch, string library)
        {
            var loader = mismatch.Target.Kind;
            switch (mismatch.Reason)
            {
                case LibcMismatchReason.ImportsMissingSymbol:
                    return LoaderErrorText.MissingSymbol(loader, mismatch.Subject, library);
                case LibcMismatchReason.NeedsNewerGlibc:
                    return LoaderErrorText.MissingGlibcVersion(mismatch.Subject, library);
                default:
                    return LoaderErrorText.MissingFile(loader, mismatch.Subject, library);
            }
        }

        public static string Uncertainty(LibcMismatch mismatch) =>
            "it is linked against glibc" + (mismatch.Subject.Length > 0 ? " (needs " + mismatch.Subject + ")" : "")
            + "; musl answers glibc's library names itself and loads it only if it defines every symbol the library imports";

        /// <summary>
        /// The cause in a few words, for places that quote no loader text (the analyzer's call-site diagnostics):
        /// "is built for glibc (needs ld-linux-x86-64.so.2)", "needs GLIBC_2.38", or, when a dependency is at fault,
        /// "needs libdef.so, which is built for glibc (needs ld-linux-x86-64.so.2)".
        /// </summary>
        public static string Cause(LibcMismatch mismatch, LibraryInput library)
        {
            var own = mismatch.Reason == LibcMismatchReason.NeedsNewerGlibc
                ? "needs " + mismatch.Subject
                : "is built for " + LibcText.Family(mismatch.Built.Family) + " (" + mismatch.Built.Evidence + ")";
            return string.Equals(PathText.FullPath(mismatch.Input.Path), PathText.FullPath(library.Path), System.StringComparison.Ordinal)
                ? own
                : "needs " + mismatch.Input.FileName + ", which " + own;
        }

        public static string Fix(LibcMismatch mismatch)
        {
            var package = mismatch.Input.PackageId;
            var from = package == null ? "" : "package " + package + " ";
            switch (mismatch.Reason)
            {
                case LibcMismatchReason.NeedsNewerGlibc:
                    return "run on a distribution whose glibc is " + mismatch.Subject.Replace("GLIBC_", "") + " or newer, or use a build of "
                        + mismatch.Input.FileName + " linked against an older glibc";
                default:
                    if (mismatch.Built.Family == LibcKind.Glibc && mismatch.Target.Kind == LibcKind.Musl)
                    {
                        return package == null
                            ? "rebuild " + mismatch.Input.FileName + " against musl, or run the app on a glibc-based system (e.g. a Debian or Ubuntu base image)"
                            : from + "has no linux-musl build of " + mismatch.Input.FileName + ": run the app on a glibc-based system (publish for linux-x64/linux-arm64 and use a Debian or Ubuntu base image), or ask the package for linux-musl assets";
                    }

                    return "use " + from + "the build made for " + mismatch.Target.DisplayName + " (its runtimes/<rid>/native folder for that RID), or run the app where " + LibcText.Family(mismatch.Built.Family) + " is the C library";
            }
        }
    }
}
