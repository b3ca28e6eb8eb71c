using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// How glibc lays out static TLS on one machine: which TLS variant, the static alignment that caps a dlopen'd
    /// block's p_align, and how many bytes the startup modules use before the surplus.
    /// Measured with glibc 2.36 (bare C host under qemu-user for every machine, the dotnet host on x86_64); the
    /// dotnet figure for other machines adds the dotnet executable's 8 and libstdc++'s 32 bytes to the measured C host.
    /// </summary>
    public sealed class MachineTlsLayout
    {
        private static readonly Dictionary<string, MachineTlsLayout> Known = new Dictionary<string, MachineTlsLayout>(StringComparer.Ordinal)
        {
            // TLS_TCB_AT_TP: blocks sit below the thread pointer, each placed at roundup(used + size, align).
            ["x86_64"] = new MachineTlsLayout("x86_64", tcbAtThreadPointer: true, staticAlign: 64, bareHostStartupBytes: 144, dotnetHostStartupBytes: 184),
            ["i386"] = new MachineTlsLayout("i386", tcbAtThreadPointer: true, staticAlign: 64, bareHostStartupBytes: 84, dotnetHostStartupBytes: 108),
            ["s390x"] = new MachineTlsLayout("s390x", tcbAtThreadPointer: true, staticAlign: 32, bareHostStartupBytes: 152, dotnetHostStartupBytes: 192),
            ["sparc64"] = new MachineTlsLayout("sparc64", tcbAtThreadPointer: true, staticAlign: 32, bareHostStartupBytes: 144, dotnetHostStartupBytes: 184),

            // TLS_DTV_AT_TP: blocks sit above the TCB, each placed at roundup(used, align) + size; aarch64/arm count the TCB in "used".
            ["aarch64"] = new MachineTlsLayout("aarch64", tcbAtThreadPointer: false, staticAlign: 32, bareHostStartupBytes: 160, dotnetHostStartupBytes: 208),
            ["arm"] = new MachineTlsLayout("arm", tcbAtThreadPointer: false, staticAlign: 32, bareHostStartupBytes: 92, dotnetHostStartupBytes: 116),
            ["ppc64"] = new MachineTlsLayout("ppc64", tcbAtThreadPointer: false, staticAlign: 32, bareHostStartupBytes: 144, dotnetHostStartupBytes: 184),
            ["riscv64"] = new MachineTlsLayout("riscv64", tcbAtThreadPointer: false, staticAlign: 32, bareHostStartupBytes: 144, dotnetHostStartupBytes: 184),
            ["mips64"] = new MachineTlsLayout("mips64", tcbAtThreadPointer: false, staticAlign: 32, bareHostStartupBytes: 152, dotnetHostStartupBytes: 192),
        };

        private MachineTlsLayout(string machine, bool tcbAtThreadPointer, long staticAlign, long bareHostStartupBytes, long dotnetHostStartupBytes)
        {
            Machine = machine;
            TcbAtThreadPointer = tcbAtThreadPointer;
            StaticAlign = staticAlign;
            BareHostStartupBytes = bareHostStartupBytes;
            DotnetHostStartupBytes = dotnetHostStartupBytes;
        }

        public string Machine { get; }

        /// <summary>True for TLS_TCB_AT_TP machines (x86, s390, sparc); false for TLS_DTV_AT_TP (arm, aarch64, ppc, riscv, mips, loongarch).</summary>
        public bool TcbAtThreadPointer { get; }

        /// <summary>glibc's dl_tls_static_align: the start value of the static size's rounding, and the largest p_align a dlopen'd block may have.</summary>
        public long StaticAlign { get; }

        /// <summary>Static TLS in use at startup in a C program that links only libc (plus the TCB on DTV_AT_TP machines that count it).</summary>
        public long BareHostStartupBytes { get; }

        /// <summary>Static TLS in use at startup in the dotnet host (dotnet, libstdc++, libc).</summary>
        public long DotnetHostStartupBytes { get; }

        /// <summary>The layout for a platform; unknown machines get the DTV_AT_TP defaults most architectures share.</summary>
        public static MachineTlsLayout For(ElfPlatform platform)
        {
            var key = platform.Name;
            if (Known.TryGetValue(key, out var layout))
            {
                return layout;
            }

            switch (platform.Machine)
            {
                case ElfMachine.X86_64: return Known["x86_64"];
                case ElfMachine.PowerPC: return Known["ppc64"];
                case ElfMachine.Sparc:
                case ElfMachine.Sparc32Plus:
                case ElfMachine.SparcV9: return Known["sparc64"];
                case ElfMachine.S390: return Known["s390x"];
                default: return new MachineTlsLayout(key, tcbAtThreadPointer: false, staticAlign: 32, bareHostStartupBytes: 144, dotnetHostStartupBytes: 184);
            }
        }

        /// <summary>The static TLS in use after placing a block of <paramref name="size"/> bytes aligned to <paramref name="align"/>.</summary>
        public long Place(long used, long size, long align)
        {
            var a = align < 1 ? 1 : align;
            return TcbAtThreadPointer ? StaticTlsMath.RoundUp(used + size, a) : StaticTlsMath.RoundUp(used, a) + size;
        }
    }
}
