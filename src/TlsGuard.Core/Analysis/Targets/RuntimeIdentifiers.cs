using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// What a .NET runtime identifier says about the process that loads a library: its machine and its C library.
    /// Rows, not code: adding an architecture is one entry in <see cref="Architectures"/>.
    /// </summary>
    public static class RuntimeIdentifiers
    {
        /// <summary>RID architecture suffix → ELF machine, class, byte order.</summary>
        private static readonly Dictionary<string, ElfPlatform> Architectures = new Dictionary<string, ElfPlatform>(StringComparer.OrdinalIgnoreCase)
        {
            ["x64"] = new ElfPlatform(ElfMachine.X86_64, ElfClass.Elf64, ElfData.LittleEndian),
            ["x86"] = new ElfPlatform(ElfMachine.I386, ElfClass.Elf32, ElfData.LittleEndian),
            ["arm64"] = new ElfPlatform(ElfMachine.AArch64, ElfClass.Elf64, ElfData.LittleEndian),
            ["arm"] = new ElfPlatform(ElfMachine.Arm, ElfClass.Elf32, ElfData.LittleEndian),
            ["armel"] = new ElfPlatform(ElfMachine.Arm, ElfClass.Elf32, ElfData.LittleEndian),
            ["armv6"] = new ElfPlatform(ElfMachine.Arm, ElfClass.Elf32, ElfData.LittleEndian),
            ["riscv64"] = new ElfPlatform(ElfMachine.RiscV, ElfClass.Elf64, ElfData.LittleEndian),
            ["loongarch64"] = new ElfPlatform(ElfMachine.LoongArch, ElfClass.Elf64, ElfData.LittleEndian),
            ["s390x"] = new ElfPlatform(ElfMachine.S390, ElfClass.Elf64, ElfData.BigEndian),
            ["ppc64le"] = new ElfPlatform(ElfMachine.PowerPC64, ElfClass.Elf64, ElfData.LittleEndian),
            ["mips64"] = new ElfPlatform(ElfMachine.Mips, ElfClass.Elf64, ElfData.LittleEndian),
        };

        /// <summary>RID operating-system prefixes of ELF platforms and their C library, longest first.</summary>
        private static readonly (string Prefix, TargetLibc Libc)[] Systems =
        {
            ("linux-musl-", TargetLibc.Musl),
            ("linux-bionic-", TargetLibc.Bionic),
            ("android-", TargetLibc.Bionic),
            ("alpine-", TargetLibc.Musl),
            ("freebsd-", TargetLibc.FreeBsd),
            ("linux-", TargetLibc.Glibc),
        };

        /// <summary>The machine and C library a RID names; a RID of another kind of system (win-x64, osx-arm64) or none gives glibc and no machine.</summary>
        public static RuntimeIdentifier Parse(string? rid)
        {
            var text = (rid ?? "").Trim();
            foreach (var (prefix, libc) in Systems)
            {
                if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // "alpine.3.17-x64": the version sits between the name and the architecture.
                var architecture = text.Substring(text.LastIndexOf('-') + 1);
                return new RuntimeIdentifier(text, Architectures.TryGetValue(architecture, out var platform) ? platform : (ElfPlatform?)null, libc, IsElfSystem: true);
            }

            var isElf = text.StartsWith("alpine", StringComparison.OrdinalIgnoreCase);
            return new RuntimeIdentifier(text, null, isElf ? TargetLibc.Musl : TargetLibc.Glibc, IsElfSystem: isElf || text.Length == 0);
        }
    }

    /// <summary>A parsed RID.</summary>
    /// <param name="Text">The RID as given.</param>
    /// <param name="Platform">The ELF machine it names, when its architecture is known.</param>
    /// <param name="Libc">Its C library (glibc when it names none).</param>
    /// <param name="IsElfSystem">False for RIDs of systems that do not load ELF libraries (win-*, osx-*, ios-*, browser-*).</param>
    public sealed record RuntimeIdentifier(string Text, ElfPlatform? Platform, TargetLibc Libc, bool IsElfSystem);
}
