using System;
using System.Globalization;
using System.IO;

namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>
    /// A wheel's file name, "{distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl" (PEP 427), and what its
    /// platform tags promise: PEP 600 manylinux_X_Y_ARCH (and the legacy aliases manylinux1 = 2.5, manylinux2010 = 2.12,
    /// manylinux2014 = 2.17) is glibc X.Y or newer; PEP 656 musllinux_X_Y_ARCH is musl; linux_ARCH is glibc. In a
    /// compressed tag set ("manylinux_2_17_x86_64.manylinux2014_x86_64") the oldest glibc is the one it must load on.
    /// </summary>
    internal sealed class WheelName
    {
        private WheelName(string distribution, string version, string? runtimeIdentifier, string? libcHint)
        {
            Distribution = distribution;
            Version = version;
            RuntimeIdentifier = runtimeIdentifier;
            LibcHint = libcHint;
        }

        public string Distribution { get; }
        public string Version { get; }

        /// <summary>"linux-x64", "linux-musl-arm64"; null for platforms without a Linux RID (macosx, win, any).</summary>
        public string? RuntimeIdentifier { get; }

        /// <summary>"glibc-2.17", "glibc", "musl"; null when the tags name no Linux C library.</summary>
        public string? LibcHint { get; }

        public static WheelName? Parse(string path)
        {
            var name = Path.GetFileName(path);
            if (!name.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var parts = name.Substring(0, name.Length - 4).Split('-');
            if (parts.Length != 5 && parts.Length != 6)
            {
                return null;
            }

            string? rid = null;
            string? hint = null;
            Version? oldest = null;
            foreach (var tag in parts[parts.Length - 1].Split('.'))
            {
                if (!TryPlatform(tag, out var family, out var version, out var machine))
                {
                    continue;
                }

                var architecture = RidArchitectures.OfPythonMachine(machine);
                if (hint == null)
                {
                    hint = family;
                    rid = architecture == null ? null : (family == "musl" ? "linux-musl-" : "linux-") + architecture;
                }

                if (family == "glibc" && hint.StartsWith("glibc", StringComparison.Ordinal) && version != null && (oldest == null || version < oldest))
                {
                    oldest = version;
                }
            }

            if (hint == "glibc" && oldest != null)
            {
                hint = "glibc-" + oldest.Major.ToString(CultureInfo.InvariantCulture) + "." + oldest.Minor.ToString(CultureInfo.InvariantCulture);
            }

            return new WheelName(parts[0], parts[1], rid, hint);
        }

        /// <summary>The legacy manylinux tags and the glibc each stands for (PEP 600 "Legacy manylinux tags").</summary>
        private static readonly (string Prefix, Version Glibc)[] Aliases =
        {
            ("manylinux1_", new Version(2, 5)),
            ("manylinux2010_", new Version(2, 12)),
            ("manylinux2014_", new Version(2, 17)),
        };

        private static bool TryPlatform(string tag, out string family, out Version? version, out string machine)
        {
            family = "glibc";
            foreach (var alias in Aliases)
            {
                if (tag.StartsWith(alias.Prefix, StringComparison.Ordinal))
                {
                    version = alias.Glibc;
                    machine = tag.Substring(alias.Prefix.Length);
                    return true;
                }
            }

            if (TryVersioned(tag, "manylinux_", out version, out machine))
            {
                return true;
            }

            if (TryVersioned(tag, "musllinux_", out _, out machine))
            {
                family = "musl";
                version = null;
                return true;
            }

            version = null;
            if (tag.StartsWith("linux_", StringComparison.Ordinal))
            {
                machine = tag.Substring("linux_".Length);
                return true;
            }

            machine = "";
            return false;
        }

        /// <summary>"manylinux_2_17_x86_64" → 2.17 and "x86_64" (the machine itself may hold '_').</summary>
        private static bool TryVersioned(string tag, string prefix, out Version? version, out string machine)
        {
            version = null;
            machine = "";
            if (!tag.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }

            var rest = tag.Substring(prefix.Length).Split(new[] { '_' }, 3);
            if (rest.Length != 3 || !int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
                || !int.TryParse(rest[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
            {
                return false;
            }

            version = new Version(major, minor);
            machine = rest[2];
            return true;
        }
    }
}
