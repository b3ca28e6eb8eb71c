using System;
using System.Runtime.InteropServices;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// What the machine running the check is, so analysis knows when its own libraries can stand in for the target's:
    /// Linux, its ELF machine, and its C library family (musl when its loader ld-musl-ARCH.so.1 is in /lib).
    /// </summary>
    public sealed record MachineIdentity(bool IsLinux, ElfPlatform? Platform, LibcKind? Libc)
    {
        private static readonly Lazy<MachineIdentity> Current = new Lazy<MachineIdentity>(Detect);

        public static MachineIdentity ThisMachine => Current.Value;

        /// <summary>True when a library for <paramref name="platform"/> and <paramref name="libc"/> would run here.</summary>
        public bool CanStandIn(ElfPlatform platform, LibcKind libc) => IsLinux && Platform == platform && Libc == libc;

        private static MachineIdentity Detect()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return new MachineIdentity(false, null, null);
            }

            var platform = RuntimeIdentifiers.Parse("linux-" + ArchitectureName(RuntimeInformation.OSArchitecture)).Platform;
            return new MachineIdentity(true, platform, HasMuslLoader() ? LibcKind.Musl : LibcKind.Glibc);
        }

        private static string ArchitectureName(Architecture architecture) => architecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            Architecture.Arm => "arm",
            _ => architecture.ToString().ToLowerInvariant(),
        };

        private static bool HasMuslLoader()
        {
            foreach (var entry in DiskFileSystem.Instance.List("/lib", out _))
            {
                if (PathText.FileName(entry).StartsWith("ld-musl-", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
