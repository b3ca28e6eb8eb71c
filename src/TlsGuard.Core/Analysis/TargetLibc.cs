using System;
using System.Globalization;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The C library (dynamic loader) a verdict is for, parsed from a name such as "glibc-2.28" or chosen from a RID.</summary>
    public sealed class TargetLibc
    {
        private static readonly Version FirstTunableGlibc = new Version(2, 32);

        private TargetLibc(LibcKind kind, string name, string displayName)
        {
            Kind = kind;
            Name = name;
            DisplayName = displayName;
        }

        public static TargetLibc Glibc { get; } = new TargetLibc(LibcKind.Glibc, "glibc-2.32+", "glibc 2.32+");
        public static TargetLibc Musl { get; } = new TargetLibc(LibcKind.Musl, "musl", "musl");
        public static TargetLibc Bionic { get; } = new TargetLibc(LibcKind.Bionic, "bionic", "Android bionic");
        public static TargetLibc FreeBsd { get; } = new TargetLibc(LibcKind.FreeBsd, "freebsd", "FreeBSD rtld");

        public LibcKind Kind { get; }

        /// <summary>The spelling in reports, budgets and fingerprints: "glibc-2.32+", "glibc-2.28", "musl", "bionic", "freebsd".</summary>
        public string Name { get; }

        /// <summary>The spelling in messages.</summary>
        public string DisplayName { get; }

        public bool IsGlibc => Kind == LibcKind.Glibc || Kind == LibcKind.GlibcBefore232;

        /// <summary>Accepts "glibc", "glibc-X.Y" (also "glibcX.Y", "glibc X.Y"), "musl", "bionic"/"android", "freebsd"; case-insensitive.</summary>
        public static bool TryParse(string? text, out TargetLibc libc)
        {
            libc = Glibc;
            var value = (text ?? "").Trim().ToLowerInvariant();
            if (value.Length == 0)
            {
                return false;
            }

            if (value == "musl" || value.StartsWith("musl-", StringComparison.Ordinal))
            {
                libc = Musl;
                return true;
            }

            if (value == "bionic" || value == "android")
            {
                libc = Bionic;
                return true;
            }

            if (value == "freebsd")
            {
                libc = FreeBsd;
                return true;
            }

            if (!value.StartsWith("glibc", StringComparison.Ordinal))
            {
                return false;
            }

            var versionText = value.Substring("glibc".Length).TrimStart('-', ' ', '_');
            if (versionText.Length == 0 || versionText == "2.32+")
            {
                return true;
            }

            if (!TryParseVersion(versionText, out var version))
            {
                return false;
            }

            var name = "glibc-" + versionText;
            libc = version < FirstTunableGlibc
                ? new TargetLibc(LibcKind.GlibcBefore232, name, "glibc " + versionText)
                : new TargetLibc(LibcKind.Glibc, name, "glibc " + versionText);
            return true;
        }

        /// <summary>linux-musl-* -> musl, android-* / linux-bionic-* -> bionic, freebsd-* -> FreeBSD, anything else (or none) -> glibc.</summary>
        public static TargetLibc FromRuntimeIdentifier(string? runtimeIdentifier)
        {
            var rid = (runtimeIdentifier ?? "").Trim().ToLowerInvariant();
            if (rid.StartsWith("linux-musl", StringComparison.Ordinal) || rid.StartsWith("alpine", StringComparison.Ordinal))
            {
                return Musl;
            }

            if (rid.StartsWith("android", StringComparison.Ordinal) || rid.StartsWith("linux-bionic", StringComparison.Ordinal))
            {
                return Bionic;
            }

            if (rid.StartsWith("freebsd", StringComparison.Ordinal))
            {
                return FreeBsd;
            }

            return Glibc;
        }

        /// <summary>The explicit target wins; otherwise the input's RID, then the build's RID.</summary>
        public static TargetLibc Choose(AnalysisOptions options, LibraryInput input)
        {
            if (!string.IsNullOrWhiteSpace(options.TargetLibc))
            {
                if (TryParse(options.TargetLibc, out var explicitLibc))
                {
                    return explicitLibc;
                }

                throw new ArgumentException(
                    "Unknown target C library '" + options.TargetLibc + "'; expected glibc, glibc-X.Y, musl, bionic or freebsd.",
                    nameof(options));
            }

            return FromRuntimeIdentifier(input.RuntimeIdentifier ?? options.RuntimeIdentifier);
        }

        public override string ToString() => Name;

        private static bool TryParseVersion(string text, out Version version)
        {
            version = FirstTunableGlibc;
            var parts = text.Split('.');
            if (parts.Length < 2 || parts.Length > 3)
            {
                return false;
            }

            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                return false;
            }

            version = new Version(major, minor);
            return true;
        }
    }
}
