using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    /// <summary>
    /// One consumer app of lab packages with the TlsGuard package of this checkout (packed into a test-local feed), built
    /// as users build it: RID-less, then `build -r linux-musl-x64` followed by a plain `build` (which leaves the other
    /// RID's folder in bin/), then `publish -r linux-musl-x64`. Each build's log is kept (each warning once), and real
    /// loads of the outputs are made on demand, once per loader and file.
    /// </summary>
    public sealed class ConsumerAppFixture : IDisposable
    {
        /// <summary>Every warning once (no summary), one line each (no terminal logger).</summary>
        private static readonly string[] Quiet = { "-tl:off", "-clp:NoSummary" };

        private readonly TempDirectory _folder = new TempDirectory("lab-app");
        private readonly ConcurrentDictionary<(string Loader, string Path), LoadRecord> _loads = new();
        private readonly Lazy<ILookup<string, ElfFileFacts>> _factsBySha;
        private readonly Lazy<ISet<string>> _hostLibraries = new(Readelf.DotnetHostLibraries);

        public ConsumerAppFixture()
        {
            Cache = RealPackageCache.Instance;
            _factsBySha = new(() => Cache.Facts.ElfFiles.ToLookup(f => f.Sha256, StringComparer.Ordinal));
            TlsGuard = TlsGuardToday.Pack(_folder.Combine("feed"), noBuild: true);
            App = new ConsumerApp(_folder.Combine("app"), Cache, ConsumerApp.TestPackages, TlsGuard);
            RidLessBuild = App.Build(Quiet).EnsureSuccess();
            RidLess = OutputInventory.Of(App.OutputFolder());
            MuslBuild = App.Build(new[] { "-r", "linux-musl-x64" }.Concat(Quiet).ToArray()).EnsureSuccess();
            AfterOtherRidBuild = App.Build(Quiet).EnsureSuccess();
            AfterOtherRid = OutputInventory.Of(App.OutputFolder());
            PublishMuslRun = App.Publish("linux-musl-x64", Quiet).EnsureSuccess();
            PublishMusl = OutputInventory.Of(App.PublishFolder("linux-musl-x64"));
            Glibc = new RealLoader("dotnet NativeLibrary.Load (glibc " + DotnetLoadHost.GlibcVersion() + ", x86_64)", "glibc", new DotnetLoadHost(), IsDotnetHost: true);
            Musl = new RealLoader("musl C host (dlopen, x86_64)", "musl", CLoadHost.Musl(Cache), IsDotnetHost: false);
            Aarch64 = new RealLoader("glibc C host under qemu-aarch64", "glibc", CLoadHost.Aarch64(Cache), IsDotnetHost: false, LibraryFolder: "/usr/aarch64-linux-gnu/lib");
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
        public RealLoader Glibc { get; }
        public RealLoader Musl { get; }
        public RealLoader Aarch64 { get; }

        /// <summary>What every .NET process has loaded before a P/Invoke (readelf of this machine's shared runtime).</summary>
        public ISet<string> HostLibraries => _hostLibraries.Value;

        /// <summary>The loader that loads files of a RID folder on this machine (x64 glibc and musl, arm64 glibc under qemu), or null.</summary>
        public RealLoader? LoaderFor(string? rid) => rid switch
        {
            "linux-x64" => Glibc,
            "linux-musl-x64" => Musl,
            "linux-arm64" => Aarch64,
            _ => null,
        };

        /// <summary>Real loads, each library in its own process, made once per loader and file.</summary>
        public IReadOnlyDictionary<string, LoadRecord> Load(RealLoader loader, IEnumerable<string> paths)
        {
            var all = paths.Select(Path.GetFullPath).Distinct().ToList();
            var pending = all.Where(p => !_loads.ContainsKey((loader.Name, p))).ToList();
            foreach (var (path, record) in pending.Zip(loader.Host.LoadEach(pending)))
            {
                _loads[(loader.Name, path)] = record;
            }

            return all.ToDictionary(p => p, p => _loads[(loader.Name, p)], StringComparer.Ordinal);
        }

        /// <summary>readelf's facts of the package file with the same content, if it came from a lab package.</summary>
        public ElfFileFacts? FactsOf(string path) => _factsBySha.Value[Sha256(path)].FirstOrDefault();

        public static string Sha256(string path)
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        }

        /// <summary>runtimes/&lt;rid&gt;/... → rid, reading the path as the loader's file system does (empty segments ignored).</summary>
        public static string? RidOf(string relativePath)
        {
            var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            var index = Array.FindIndex(parts, p => p == "runtimes");
            return index >= 0 && index + 2 < parts.Length ? parts[index + 1] : null;
        }

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
