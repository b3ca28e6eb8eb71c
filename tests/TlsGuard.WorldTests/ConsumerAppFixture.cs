using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    /// <summary>
    /// One consumer app of lab packages with the TlsGuard package of this checkout (packed into a test-local feed), built
    /// as users build it: RID-less, then `build -r linux-musl-x64` followed by a plain `build` (which leaves the other
    /// RID's folder in bin/), then `publish -r linux-musl-x64`. Each build's log is kept (each warning once); real loads
    /// of the outputs are made on demand by <see cref="Loaders"/>.
    /// </summary>
    public sealed class ConsumerAppFixture : IDisposable
    {
        /// <summary>Every warning once (no summary), one line each (no terminal logger).</summary>
        private static readonly string[] Quiet = { "-tl:off", "-clp:NoSummary" };

        private readonly TempDirectory _folder = new TempDirectory("lab-app");

        public ConsumerAppFixture()
        {
            Cache = RealPackageCache.Instance;
            TlsGuard = TlsGuardToday.Pack(_folder.Combine("feed"), noBuild: true);
            App = new ConsumerApp(_folder.Combine("app"), Cache, ConsumerApp.TestPackages, TlsGuard);
            RidLessBuild = App.Build(Quiet).EnsureSuccess();
            RidLess = OutputInventory.Of(App.OutputFolder());
            MuslBuild = App.Build(new[] { "-r", "linux-musl-x64" }.Concat(Quiet).ToArray()).EnsureSuccess();
            AfterOtherRidBuild = App.Build(Quiet).EnsureSuccess();
            AfterOtherRid = OutputInventory.Of(App.OutputFolder());
            PublishMuslRun = App.Publish("linux-musl-x64", Quiet).EnsureSuccess();
            PublishMusl = OutputInventory.Of(App.PublishFolder("linux-musl-x64"));
            Loaders = new RealLoaders(Cache);
        }

        public RealPackageCache Cache { get; }
        public TlsGuardReference TlsGuard { get; }
        public ConsumerApp App { get; }
        public DotnetRun RidLessBuild { get; }
        public IReadOnlyList<OutputFile> RidLess { get; }
        public DotnetRun MuslBuild { get; }
        public DotnetRun AfterOtherRidBuild { get; }
        public IReadOnlyList<OutputFile> AfterOtherRid { get; }
        public DotnetRun PublishMuslRun { get; }
        public IReadOnlyList<OutputFile> PublishMusl { get; }

        /// <summary>This machine's real loaders, each file loaded once per loader.</summary>
        public RealLoaders Loaders { get; }

        public void Dispose()
        {
            // The app restored this run's TlsGuard version into the lab's packages folder: leave no copy behind.
            var restored = Path.Combine(Cache.PackagesFolder, "tlsguard", TlsGuard.Version.ToLowerInvariant());
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }

            _folder.Dispose();
        }
    }

    [CollectionDefinition(Name)]
    public sealed class ConsumerAppCollection : ICollectionFixture<ConsumerAppFixture>
    {
        public const string Name = "consumer app with TlsGuard";
    }
}
