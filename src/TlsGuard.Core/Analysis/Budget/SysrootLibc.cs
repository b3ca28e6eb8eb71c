using System;
using System.Globalization;
using System.IO;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The target's own C library read from a sysroot: libc.so.6's version (the highest GLIBC_2.x it defines in DT_VERDEF)
    /// and its PT_TLS block, and libstdc++.so.6's block. Found through the sysroot's lib folders for the machine.
    /// </summary>
    internal sealed class SysrootLibc
    {
        public static readonly SysrootLibc None = new SysrootLibc(null, null, null, null);

        private SysrootLibc(string? path, Version? version, StaticBlock? libcBlock, StaticBlock? libStdCppBlock)
        {
            Path = path;
            Version = version;
            LibcBlock = libcBlock;
            LibStdCppBlock = libStdCppBlock;
        }

        /// <summary>The libc.so.6 read, or null.</summary>
        public string? Path { get; }

        /// <summary>The glibc release it implements, or null when no libc.so.6 of the machine was found (or it defines no GLIBC_2.x).</summary>
        public Version? Version { get; }

        public StaticBlock? LibcBlock { get; }

        public StaticBlock? LibStdCppBlock { get; }

        public static SysrootLibc Read(BudgetContext context, string sysroot, ElfPlatform platform)
        {
            ElfScanResult? libc = null;
            string? libcPath = null;
            ElfScanResult? libStdCpp = null;
            foreach (var folder in LibraryFolders.InSysroot(sysroot, platform))
            {
                if (libc == null)
                {
                    var candidate = System.IO.Path.Combine(folder, "libc.so.6");
                    libc = context.SharedObject(candidate, platform);
                    libcPath = libc == null ? null : candidate;
                }

                libStdCpp ??= context.SharedObject(System.IO.Path.Combine(folder, "libstdc++.so.6"), platform);
            }

            if (libc == null)
            {
                return None;
            }

            return new SysrootLibc(
                libcPath,
                HighestGlibcVersion(libc),
                libc.TlsBlock == null ? null : StaticBlock.Of("libc.so.6", libc.TlsBlock),
                libStdCpp?.TlsBlock == null ? null : StaticBlock.Of("libstdc++.so.6", libStdCpp.TlsBlock));
        }

        /// <summary>"GLIBC_2.36" is the newest symbol version a glibc 2.36 libc.so.6 defines; GLIBC_PRIVATE and others are skipped.</summary>
        private static Version? HighestGlibcVersion(ElfScanResult libc)
        {
            Version? highest = null;
            foreach (var name in libc.VersionDefinitions)
            {
                const string Prefix = "GLIBC_";
                if (!name.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = name.Substring(Prefix.Length).Split('.');
                if (parts.Length < 2
                    || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
                {
                    continue;
                }

                var version = new Version(major, minor);
                if (highest == null || version > highest)
                {
                    highest = version;
                }
            }

            return highest;
        }
    }
}
