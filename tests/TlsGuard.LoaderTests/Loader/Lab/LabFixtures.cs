using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>The arm64 .NET host under qemu-aarch64, its loader trace (taken once) and arm64 ladder libraries.</summary>
    public sealed class Arm64DotnetLab : IDisposable
    {
        private readonly Lazy<IReadOnlyList<TracedModule>> _modules;

        public Arm64DotnetLab()
        {
            Libraries = new LadderLibraries(Toolchain.Aarch64, "arm64");
            Host = Arm64DotnetLoadHost.SelfContained;
            _modules = new Lazy<IReadOnlyList<TracedModule>>(() =>
                HostBudget.TraceModules(Host, LoaderCache.Arm64Probe, Arm64DotnetLoadHost.LibraryFolders, Libraries.PathOf(8)));
        }

        internal LadderLibraries Libraries { get; }
        internal Arm64DotnetLoadHost Host { get; }
        internal GlibcTarget Target { get; } = GlibcTarget.Aarch64("2.36");
        internal IReadOnlyList<TracedModule> Modules => _modules.Value;

        internal HostBudget Budget(GlibcTunables tunables) => HostBudget.Compute(Target, Modules, tunables);

        public void Dispose() => Libraries.Dispose();
    }

    /// <summary>
    /// x86-64 hosts on this machine's glibc 2.36 (dotnet, native AOT, bare C) and on Debian 13's glibc 2.41 (dotnet, bare C),
    /// with x86-64 ladder libraries and four 512-byte TLSDESC libraries (desc_a..desc_d) that take the optional pool.
    /// </summary>
    public sealed class X64Lab : IDisposable
    {
        public static readonly string[] DescriptorNames = { "desca", "descb", "descc", "descd" };

        public X64Lab()
        {
            Libraries = new LadderLibraries(Toolchain.Gcc, "x64");
            Set = new FixtureSet(
                Toolchain.Gcc,
                DescriptorNames.Select(n => FixtureLibrary.Descriptor(n, n + "_block", 512)),
                "x64-lab");
            Dotnet = new DotnetLoadHost();
            CHost = CLoadHost.Native(Set);
            Aot = ExecutableLoadHost.NativeAot;
            SingleFile = ExecutableLoadHost.SingleFile;
            Dotnet241 = new Glibc241DotnetLoadHost();
            CHost241 = new Glibc241CLoadHost(Set);
        }

        internal LadderLibraries Libraries { get; }
        internal FixtureSet Set { get; }
        internal DotnetLoadHost Dotnet { get; }
        internal CLoadHost CHost { get; }
        internal ExecutableLoadHost Aot { get; }
        internal ExecutableLoadHost SingleFile { get; }
        internal Glibc241DotnetLoadHost Dotnet241 { get; }
        internal Glibc241CLoadHost CHost241 { get; }

        /// <summary>The host's folders a soname in its trace resolves from (the Debian multiarch folders).</summary>
        internal static IReadOnlyList<string> SystemFolders { get; } = new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu" };

        internal static IReadOnlyList<string> Glibc241Folders => new[] { LoaderCache.Glibc241Libraries }.Concat(SystemFolders).ToList();

        /// <summary>The first <paramref name="count"/> TLSDESC libraries, each loaded and touched.</summary>
        internal IReadOnlyList<string> Descriptors(int count)
        {
            return DescriptorNames.Take(count).SelectMany(n => new[] { Set.PathOf(n), "--call=" + Set[n].Touch }).ToList();
        }

        internal IReadOnlyList<TlsBlock> DescriptorBlocks(int count) => DescriptorNames.Take(count).Select(n => HostBudget.BlockOf(Set.PathOf(n))).ToList();

        public void Dispose()
        {
            Libraries.Dispose();
            Set.Dispose();
        }
    }

    [CollectionDefinition(Name)]
    public sealed class Arm64DotnetLabCollection : ICollectionFixture<Arm64DotnetLab>
    {
        public const string Name = "loader lab arm64 dotnet";
    }

    [CollectionDefinition(Name)]
    public sealed class X64LabCollection : ICollectionFixture<X64Lab>
    {
        public const string Name = "loader lab x86_64";
    }
}
