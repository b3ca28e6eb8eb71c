using System;
using System.Globalization;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Describe
{
    /// <summary>How messages and budget lines name the C library version (or worst range of versions) a verdict is for, and the host.</summary>
    public static class LibcText
    {
        /// <summary>"glibc 2.36 (x86_64)", "glibc 2.27–2.31 (x86_64; the worst of glibc 2.27 and later, which .NET supports there)".</summary>
        public static string Target(JudgedLibc? judged, TargetLibc libc, string machine)
        {
            var name = Versions(judged, libc);
            var details = machine;
            var source = Source(judged);
            if (source.Length > 0)
            {
                details = details.Length == 0 ? source : details + "; " + source;
            }

            return details.Length == 0 ? name : name + " (" + details + ")";
        }

        /// <summary>"glibc 2.36", "glibc 2.27–2.31", "glibc 2.41 and later", "Android bionic (API 21–28)", "musl"; the C library's name when nothing was judged.</summary>
        public static string Versions(JudgedLibc? judged, TargetLibc libc)
        {
            if (judged?.From == null)
            {
                return libc.DisplayName;
            }

            if (judged.Kind == LibcKind.Bionic)
            {
                return "Android bionic (API " + Range(judged, major: true) + ")";
            }

            return "glibc " + Range(judged, major: false);
        }

        /// <summary>The versions as JSON carries them: "2.36", "2.27-2.31", "2.41+", "21-28"; null when no version applies.</summary>
        public static string? VersionField(JudgedLibc judged)
        {
            if (judged.From == null)
            {
                return null;
            }

            var major = judged.Kind == LibcKind.Bionic;
            if (judged.To == null)
            {
                return Text(judged.From, major) + "+";
            }

            return judged.From.Equals(judged.To) ? Text(judged.From, major) : Text(judged.From, major) + "-" + Text(judged.To, major);
        }

        /// <summary>Why that version: read from the sysroot, or the worst case of the range the .NET runtime supports.</summary>
        public static string Source(JudgedLibc? judged)
        {
            if (judged == null)
            {
                return "";
            }

            switch (judged.Source)
            {
                case LibcVersionSource.Sysroot:
                    return "read from the sysroot's libc.so.6";
                case LibcVersionSource.SupportedRange when judged.Kind == LibcKind.Bionic:
                    return "the worst of the API levels .NET supports, " + Text(judged.From!, major: true) + " and later; set the app's minimum API level to judge it";
                case LibcVersionSource.SupportedRange:
                    return "the worst of the glibc versions .NET supports there, " + Text(judged.RangeStart ?? judged.From!, major: false) + " and later; --libc glibc-X.Y or TlsGuardTargetLibc judges one";
                default:
                    return "";
            }
        }

        /// <summary>"the dotnet host", "the single-file host", "the native AOT executable", "a C program".</summary>
        public static string Host(HostKind kind)
        {
            switch (kind)
            {
                case HostKind.SingleFile: return "the single-file host";
                case HostKind.NativeAot: return "the native AOT executable";
                case HostKind.CProgram: return "a C program";
                default: return "the dotnet host";
            }
        }

        private static string Range(JudgedLibc judged, bool major)
        {
            if (judged.To == null)
            {
                return Text(judged.From!, major) + " and later";
            }

            return judged.From!.Equals(judged.To) ? Text(judged.From, major) : Text(judged.From, major) + "–" + Text(judged.To, major);
        }

        private static string Text(Version version, bool major) => major
            ? version.Major.ToString(CultureInfo.InvariantCulture)
            : version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture);

        public static string Family(LibcKind? family) => family switch
        {
            LibcKind.Glibc => "glibc",
            LibcKind.Musl => "musl",
            LibcKind.Bionic => "Android bionic",
            LibcKind.FreeBsd => "FreeBSD",
            _ => "an unknown C library",
        };
    }
}
