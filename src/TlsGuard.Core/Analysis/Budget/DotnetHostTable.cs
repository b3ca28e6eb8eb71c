using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The .NET hosts' static TLS, measured with .NET 10.0.12 (runtime packs Microsoft.NETCore.App.Runtime.linux-x64 and
    /// linux-arm64 10.0.12, apphost packs of the same version) with readelf -lrW and LD_DEBUG=files traces; each figure
    /// is re-measured by a loader test (tests/TlsGuard.LoaderTests/Loader/Lab).
    /// </summary>
    internal static class DotnetHostTable
    {
        /// <summary>The runtime's libraries in the order the host dlopens them before user code (hostfxr by the muxer or apphost, hostpolicy by hostfxr, coreclr by hostpolicy, then System.Native and clrjit by coreclr).</summary>
        public static readonly string[] RuntimeLibraries = { "libhostfxr.so", "libhostpolicy.so", "libcoreclr.so", "libSystem.Native.so", "libclrjit.so" };

        private static readonly StaticBlock LibStdCpp = StaticBlock.Plain("libstdc++.so.6", 32, 8);

        public static HostProfile For(HostKind kind, string machine, bool is64)
        {
            switch (kind)
            {
                case HostKind.CProgram:
                    return new HostProfile(kind, machine, new StaticBlock[0], new HostModule[0], HostDataSource.Measured);
                case HostKind.SingleFile:
                    return SingleFile(machine, is64);
                case HostKind.NativeAot:
                    // The executable's block depends on the app and the runtime version; 288/8 is the measured LoadProbe.
                    return new HostProfile(kind, machine, new[] { StaticBlock.Plain("executable (native AOT)", 288, 8) }, new HostModule[0],
                        machine == "x86_64" ? HostDataSource.Measured : HostDataSource.Assumed);
                default:
                    return Dotnet(machine, is64);
            }
        }

        /// <summary>The muxer or an apphost (both PT_TLS 8/8 with the same DT_NEEDED list) and its runtime's libraries.</summary>
        private static HostProfile Dotnet(string machine, bool is64)
        {
            switch (machine)
            {
                // x86-64: the runtime compiles to general dynamic TLS (R_X86_64_DTPMOD64 only): nothing is taken.
                case "x86_64":
                    return new HostProfile(HostKind.Dotnet, machine, new[] { StaticBlock.Plain("dotnet", 8, 8), LibStdCpp }, new[]
                    {
                        Runtime("libhostfxr.so", 32, 8, TlsAccessKind.Dynamic),
                        Runtime("libhostpolicy.so", 32, 8, TlsAccessKind.Dynamic),
                        Runtime("libcoreclr.so", 520, 16, TlsAccessKind.Dynamic),
                        Runtime("libSystem.Native.so", 8, 8, TlsAccessKind.Dynamic),
                        Runtime("libclrjit.so", 136, 16, TlsAccessKind.Dynamic),
                    }, HostDataSource.Measured);

                // aarch64: the same sources compile to TLS descriptors (R_AARCH64_TLSDESC, all against their own blocks),
                // which glibc serves from the optional pool in load order.
                case "aarch64":
                    return new HostProfile(HostKind.Dotnet, machine, new[] { StaticBlock.Plain("dotnet", 8, 8), LibStdCpp }, new[]
                    {
                        Runtime("libhostfxr.so", 32, 8, TlsAccessKind.Descriptor),
                        Runtime("libhostpolicy.so", 32, 8, TlsAccessKind.Descriptor),
                        Runtime("libcoreclr.so", 504, 8, TlsAccessKind.Descriptor),
                        Runtime("libSystem.Native.so", 8, 8, TlsAccessKind.Descriptor),
                        Runtime("libclrjit.so", 128, 8, TlsAccessKind.Descriptor),
                    }, HostDataSource.Measured);

                // Not measured: the dotnet executable and libstdc++ blocks scaled to the pointer size; the runtime assumed
                // general dynamic (the compilers' default dialect everywhere but aarch64).
                default:
                    return new HostProfile(HostKind.Dotnet, machine,
                        is64 ? new[] { StaticBlock.Plain("dotnet", 8, 8), LibStdCpp } : new[] { StaticBlock.Plain("dotnet", 4, 4), StaticBlock.Plain("libstdc++.so.6", 20, 4) },
                        new HostModule[0], HostDataSource.Assumed);
            }
        }

        /// <summary>singlefilehost links hostfxr, hostpolicy, coreclr and the JIT into the executable: no runtime dlopens with TLS.</summary>
        private static HostProfile SingleFile(string machine, bool is64)
        {
            switch (machine)
            {
                case "x86_64":
                    return new HostProfile(HostKind.SingleFile, machine, new[] { StaticBlock.Plain("singlefilehost", 568, 16), LibStdCpp }, new HostModule[0], HostDataSource.Measured);
                case "aarch64":
                    return new HostProfile(HostKind.SingleFile, machine, new[] { StaticBlock.Plain("singlefilehost", 560, 8), LibStdCpp }, new HostModule[0], HostDataSource.Measured);
                default:
                    return Dotnet(machine, is64) with { Kind = HostKind.SingleFile, Dlopened = new HostModule[0] };
            }
        }

        private static HostModule Runtime(string name, long size, long align, TlsAccessKind access) => new HostModule(StaticBlock.Plain(name, size, align), access);
    }
}
