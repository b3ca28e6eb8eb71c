using System;
using System.Globalization;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The C library an ELF file was linked against, read from what the loader will look for: its DT_NEEDED names, its
    /// PT_INTERP and its symbol-version needs. Null family: nothing says (a library that needs no C library at all, or a
    /// detached debug file).
    /// </summary>
    /// <param name="Family">The C library family, or null when the file does not say.</param>
    /// <param name="GlibcVersion">The highest GLIBC_x.y version it needs (major.minor), for glibc-linked files.</param>
    /// <param name="Evidence">The fact that decided it ("needs libc.so.6", "needs libc.musl-x86_64.so.1"), for messages.</param>
    public sealed record BuiltFor(LibcKind? Family, Version? GlibcVersion, string Evidence)
    {
        public static BuiltFor Unknown { get; } = new BuiltFor(null, null, "");

        /// <summary>
        /// Rules, in order (the real-package survey behind them: tests/TlsGuard.WorldTests): bionic files need version LIBC of
        /// libc.so; musl files need libc.musl-ARCH.so.1 (or ld-musl-ARCH.so.1), or the bare libc.so musl cross toolchains
        /// link; FreeBSD files need libc.so.7; glibc files need libc.so.6, ld-linux*, or any GLIBC_x.y version.
        /// </summary>
        public static BuiltFor Of(ElfScanResult scan)
        {
            var glibc = HighestGlibcVersion(scan);
            foreach (var requirement in scan.VersionRequirements)
            {
                if (requirement.File == "libc.so" && requirement.Versions.Count > 0 && requirement.Versions[0].StartsWith("LIBC", StringComparison.Ordinal))
                {
                    return new BuiltFor(LibcKind.Bionic, null, "needs version " + requirement.Versions[0] + " of libc.so");
                }
            }

            var interpreter = scan.Interpreter ?? "";
            foreach (var needed in scan.Needed)
            {
                if (needed.StartsWith("libc.musl-", StringComparison.Ordinal) || needed.StartsWith("ld-musl-", StringComparison.Ordinal))
                {
                    return new BuiltFor(LibcKind.Musl, null, "needs " + needed);
                }
            }

            if (interpreter.IndexOf("/ld-musl-", StringComparison.Ordinal) >= 0)
            {
                return new BuiltFor(LibcKind.Musl, null, "its interpreter is " + interpreter);
            }

            foreach (var needed in scan.Needed)
            {
                if (needed == "libc.so.7")
                {
                    return new BuiltFor(LibcKind.FreeBsd, null, "needs libc.so.7");
                }
            }

            foreach (var needed in scan.Needed)
            {
                if (needed == "libc.so.6" || needed.StartsWith("ld-linux", StringComparison.Ordinal) || needed.StartsWith("ld64.so.", StringComparison.Ordinal))
                {
                    return new BuiltFor(LibcKind.Glibc, glibc, "needs " + needed);
                }
            }

            if (glibc != null)
            {
                return new BuiltFor(LibcKind.Glibc, glibc, "needs " + HighestGlibcVersionName(scan));
            }

            foreach (var needed in scan.Needed)
            {
                if (needed == "libc.so")
                {
                    return new BuiltFor(LibcKind.Musl, null, "needs libc.so (as musl cross toolchains link it)");
                }
            }

            return Unknown;
        }

        /// <summary>The name of the highest GLIBC_ version the file needs, as the loader would print it ("GLIBC_2.2.5").</summary>
        public static string HighestGlibcVersionName(ElfScanResult scan)
        {
            string? name = null;
            Version? highest = null;
            foreach (var requirement in scan.VersionRequirements)
            {
                foreach (var candidate in requirement.Versions)
                {
                    var version = ParseGlibcVersion(candidate);
                    if (version != null && (highest == null || version > highest || (version == highest && string.CompareOrdinal(candidate, name) > 0)))
                    {
                        highest = version;
                        name = candidate;
                    }
                }
            }

            return name ?? "";
        }

        /// <summary>"2.34" for a Version(2, 34).</summary>
        public static string Text(Version version) =>
            version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture);

        /// <summary>The highest GLIBC_x.y (or GLIBC_x.y.z) the file needs from any file; GLIBC_PRIVATE and non-numeric names are ignored.</summary>
        public static Version? HighestGlibcVersion(ElfScanResult scan)
        {
            Version? highest = null;
            foreach (var requirement in scan.VersionRequirements)
            {
                foreach (var name in requirement.Versions)
                {
                    var version = ParseGlibcVersion(name);
                    if (version != null && (highest == null || version > highest))
                    {
                        highest = version;
                    }
                }
            }

            return highest;
        }

        /// <summary>"GLIBC_2.34" → 2.34, "GLIBC_2.2.5" → 2.2 (the loader compares whole names; for "newer than" the minor suffices).</summary>
        public static Version? ParseGlibcVersion(string name)
        {
            const string Prefix = "GLIBC_";
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var parts = name.Substring(Prefix.Length).Split('.');
            if (parts.Length < 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                return null;
            }

            return new Version(major, minor);
        }
    }
}
