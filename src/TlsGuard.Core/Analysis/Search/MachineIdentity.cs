using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// What the machine running the check is, so analysis knows when its own libraries can stand in for the target's:
    /// Linux, its ELF machine, and its C library family: the one this process runs on.
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
            return new MachineIdentity(true, platform, ProcessLibc());
        }

        /// <summary>
        /// The C library mapped into this process (ld-musl-ARCH.so.1 is musl's libc and loader in one; glibc maps
        /// ld-linux*.so.* and libc.so.6), or null when the process's modules cannot be listed (then the machine stands in for nothing). Files on disk do not settle
        /// it: Debian's musl package puts /lib/ld-musl-x86_64.so.1 on a glibc machine, whose programs still run on glibc.
        /// </summary>
        private static LibcKind? ProcessLibc()
        {
            try
            {
                using (var process = Process.GetCurrentProcess())
                {
                    foreach (ProcessModule module in process.Modules)
                    {
                        var name = PathText.FileName(module.FileName ?? "");
                        if (name.StartsWith("ld-musl-", StringComparison.Ordinal) || name.StartsWith("libc.musl-", StringComparison.Ordinal))
                        {
                            return LibcKind.Musl;
                        }

                        if (name == "libc.so.6" || name.StartsWith("ld-linux", StringComparison.Ordinal))
                        {
                            return LibcKind.Glibc;
                        }
                    }
                }
            }
            catch (InvalidOperationException)
            {
            }
            catch (NotSupportedException)
            {
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }

            return null;
        }

        private static string ArchitectureName(Architecture architecture) => architecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            Architecture.Arm => "arm",
            _ => architecture.ToString().ToLowerInvariant(),
        };
    }
}
