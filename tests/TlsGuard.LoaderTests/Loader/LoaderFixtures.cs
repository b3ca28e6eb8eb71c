using System;
using System.Collections.Generic;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>The x86_64 fixture libraries and C host, built once for every test of the "x86_64 loader" collection.</summary>
    public sealed class X86Fixtures : IDisposable
    {
        public X86Fixtures()
        {
            var ie4096 = FixtureLibrary.InitialExec("ie4096", 4096);
            var gd64 = FixtureLibrary.GlobalDynamic("gd64", "gd_block", 64);
            var libraries = new List<FixtureLibrary>
            {
                ie4096,
                gd64,
                FixtureLibrary.ImportsInitialExec("extie", "gd_block", 64, gd64),
                FixtureLibrary.Descriptor("desc512", "desc_block", 512),
                FixtureLibrary.Clean("needs4096", ie4096),
                FixtureLibrary.InitialExec("al128", 16, align: 128),
                FixtureLibrary.InitialExec("al64", 16, align: 64),
                FixtureLibrary.InitialExec("pad100", 100),
                FixtureLibrary.InitialExec("pad100x64", 100, align: 64),
            };
            foreach (var size in new[] { 16, 600, 700, 1000, 1160, 1168, 1600, 1672, 1673, 1700, 1712, 1713 })
            {
                libraries.Add(FixtureLibrary.InitialExec("ie" + size, size));
            }

            foreach (var size in new[] { 1408, 1409, 1472, 1473 })
            {
                libraries.Add(FixtureLibrary.InitialExec("pad" + size, size));
            }

            Set = new FixtureSet(Toolchain.Gcc, libraries, "x86_64");
            Dotnet = new DotnetLoadHost();
            CHost = CLoadHost.Native(Set);
        }

        internal FixtureSet Set { get; }
        internal DotnetLoadHost Dotnet { get; }
        internal CLoadHost CHost { get; }

        public void Dispose() => Set.Dispose();
    }

    /// <summary>aarch64 fixtures run by a cross-compiled C host under qemu-user (DTV_AT_TP layout, TCB in the startup area).</summary>
    public sealed class Aarch64Fixtures : IDisposable
    {
        public Aarch64Fixtures()
        {
            var libraries = new List<FixtureLibrary>
            {
                FixtureLibrary.InitialExec("ie1664", 1664, align: 1),
                FixtureLibrary.InitialExec("ie1665", 1665, align: 1),
                FixtureLibrary.InitialExec("al32", 16, align: 32),
                FixtureLibrary.InitialExec("al64", 16, align: 64),
                FixtureLibrary.InitialExec("s8", 8, align: 1),
                FixtureLibrary.InitialExec("f1616", 1616, align: 1),
                FixtureLibrary.InitialExec("f1617", 1617, align: 1),
                FixtureLibrary.InitialExec("ie1000", 1000),
                FixtureLibrary.InitialExec("ie600", 600),
                FixtureLibrary.InitialExec("ie700", 700),
                FixtureLibrary.InitialExec("ie4096", 4096),
            };
            Set = new FixtureSet(Toolchain.Aarch64, libraries, "aarch64");
            Host = CLoadHost.Aarch64(Set);
        }

        internal FixtureSet Set { get; }
        internal CLoadHost Host { get; }

        public void Dispose() => Set.Dispose();
    }

    /// <summary>musl fixtures (musl-gcc) and a musl C host.</summary>
    public sealed class MuslFixtures : IDisposable
    {
        public MuslFixtures()
        {
            var gd64 = FixtureLibrary.GlobalDynamic("gd64", "gd_block", 64);
            var libraries = new List<FixtureLibrary>
            {
                FixtureLibrary.InitialExec("ie16", 16),
                gd64,
                FixtureLibrary.ImportsInitialExec("extie", "gd_block", 64, gd64),
            };
            Set = new FixtureSet(Toolchain.Musl, libraries, "musl");
            Host = CLoadHost.Musl(Set);
        }

        internal FixtureSet Set { get; }
        internal CLoadHost Host { get; }

        public void Dispose() => Set.Dispose();
    }

    [CollectionDefinition(Name)]
    public sealed class X86LoaderCollection : ICollectionFixture<X86Fixtures>
    {
        public const string Name = "x86_64 loader";
    }

    [CollectionDefinition(Name)]
    public sealed class Aarch64LoaderCollection : ICollectionFixture<Aarch64Fixtures>
    {
        public const string Name = "aarch64 loader";
    }

    [CollectionDefinition(Name)]
    public sealed class MuslLoaderCollection : ICollectionFixture<MuslFixtures>
    {
        public const string Name = "musl loader";
    }
}
