using System;
using System.Globalization;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The C library (dynamic loader) a verdict is for: a family and, when known, a version (glibc X.Y, bionic API level).
    /// Parsed from a name such as "glibc-2.28" or "bionic-28", chosen from a RID, or read from a sysroot.
    /// </summary>
    public sealed class TargetLibc : IEquatable<TargetLibc>
    {
        /// <summary>The name fingerprints have always used for glibc without a version: baselines written before versions existed keep matching.</summary>
        private const string UnversionedGlibcFingerprint = "glibc-2.32+";

        private TargetLibc(LibcKind kind, Version? version)
        {
            Kind = kind;
            Version = version;
        }

        /// <summary>glibc of no particular version: judged over the range the target .NET runtime supports.</summary>
        public static TargetLibc Glibc { get; } = new TargetLibc(LibcKind.Glibc, null);
        public static TargetLibc Musl { get; } = new TargetLibc(LibcKind.Musl, null);
        public static TargetLibc Bionic { get; } = new TargetLibc(LibcKind.Bionic, null);
        public static TargetLibc FreeBsd { get; } = new TargetLibc(LibcKind.FreeBsd, null);

        public LibcKind Kind { get; }

        /// <summary>glibc: major.minor; bionic: the API level as major; null when not known.</summary>
        public Version? Version { get; }

        public bool IsGlibc => Kind == LibcKind.Glibc;

        /// <summary>A glibc of a known version older than <paramref name="major"/>.<paramref name="minor"/>.</summary>
        public bool IsGlibcBefore(int major, int minor) => IsGlibc && Version != null && Version < new Version(major, minor);

        /// <summary>The spelling in reports and budgets: "glibc", "glibc-2.36", "musl", "bionic", "bionic-28", "freebsd".</summary>
        public string Name => Version == null ? KindName : KindName + "-" + VersionText;

        /// <summary>The spelling in messages: "glibc 2.36", "Android bionic (API 28)".</summary>
        public string DisplayName
        {
            get
            {
                switch (Kind)
                {
                    case LibcKind.Glibc: return Version == null ? "glibc" : "glibc " + VersionText;
                    case LibcKind.Musl: return "musl";
                    case LibcKind.Bionic: return Version == null ? "Android bionic" : "Android bionic (API " + VersionText + ")";
                    default: return "FreeBSD rtld";
                }
            }
        }

        /// <summary>The spelling baseline fingerprints use (stable across releases).</summary>
        public string FingerprintName => Kind == LibcKind.Glibc && Version == null ? UnversionedGlibcFingerprint : Name;

        private string KindName => Kind switch
        {
            LibcKind.Glibc => "glibc",
            LibcKind.Musl => "musl",
            LibcKind.Bionic => "bionic",
            _ => "freebsd",
        };

        private string VersionText => Kind == LibcKind.Bionic
            ? Version!.Major.ToString(CultureInfo.InvariantCulture)
            : Version!.Major.ToString(CultureInfo.InvariantCulture) + "." + Version.Minor.ToString(CultureInfo.InvariantCulture);

        public static TargetLibc GlibcVersion(Version version) => new TargetLibc(LibcKind.Glibc, new Version(version.Major, version.Minor));

        public static TargetLibc BionicApiLevel(int level) => new TargetLibc(LibcKind.Bionic, new Version(level, 0));

        /// <summary>
        /// Accepts "glibc", "glibc-X.Y" (also "glibcX.Y", "glibc X.Y", the old "glibc-2.32+"), "musl", "bionic"/"android",
        /// "bionic-N"/"android-N" (API level), "freebsd"; case-insensitive.
        /// </summary>
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

            if (value == "freebsd")
            {
                libc = FreeBsd;
                return true;
            }

            foreach (var prefix in new[] { "bionic", "android" })
            {
                if (value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    var level = Suffix(value, prefix);
                    if (level.Length == 0)
                    {
                        libc = Bionic;
                        return true;
                    }

                    if (int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var api) && api > 0 && api < 1000)
                    {
                        libc = BionicApiLevel(api);
                        return true;
                    }

                    return false;
                }
            }

            if (!value.StartsWith("glibc", StringComparison.Ordinal))
            {
                return false;
            }

            var versionText = Suffix(value, "glibc");
            if (versionText.Length == 0 || versionText == "2.32+")
            {
                return true;
            }

            if (!TryParseVersion(versionText, out var version))
            {
                return false;
            }

            libc = GlibcVersion(version);
            return true;
        }

        /// <summary>linux-musl-* and alpine* → musl, android-* / linux-bionic-* → bionic, freebsd-* → FreeBSD, anything else (or none) → glibc.</summary>
        public static TargetLibc FromRuntimeIdentifier(string? runtimeIdentifier) => RuntimeIdentifiers.Parse(runtimeIdentifier).Libc;

        public bool Equals(TargetLibc? other) => other != null && Kind == other.Kind && Equals(Version, other.Version);

        public override bool Equals(object? obj) => Equals(obj as TargetLibc);

        public override int GetHashCode() => ((int)Kind * 397) ^ (Version?.GetHashCode() ?? 0);

        public override string ToString() => Name;

        private static string Suffix(string value, string prefix) => value.Substring(prefix.Length).TrimStart('-', ' ', '_');

        private static bool TryParseVersion(string text, out Version version)
        {
            version = new Version(0, 0);
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
