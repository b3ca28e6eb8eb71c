using System;
using System.Runtime.InteropServices;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// What the machine running the check is, so analysis knows when its own libraries can stand in for the target's:
    /// Linux, its ELF machine, and its C library family — the one this very process was linked against (read from its
    /// executable's PT_INTERP and DT_NEEDED: a glibc machine may also have musl's loader installed, by musl-tools).
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
            return new MachineIdentity(true, platform, OwnLibc());
        }

        private static string ArchitectureName(Architecture architecture) => architecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            Architecture.Arm => "arm",
            _ => architecture.ToString().ToLowerInvariant(),
        };

        private static LibcKind? OwnLibc()
        {
            string? executable;
            try
            {
                using (var process = System.Diagnostics.Process.GetCurrentProcess())
                {
                    executable = process.MainModule?.FileName;
                }
            }
            catch (Exception e) when (e is InvalidOperationException || e is NotSupportedException || e is System.ComponentModel.Win32Exception)
            {
                executable = null;
            }

            if (string.IsNullOrEmpty(executable))
            {
                return null;
            }

            foreach (var result in Scanning.ElfScanner.Scan(executable!))
            {
                if (result.Error == null)
                {
                    return BuiltFor.Of(result).Family;
                }
            }

            return null;
        }
    }
}
