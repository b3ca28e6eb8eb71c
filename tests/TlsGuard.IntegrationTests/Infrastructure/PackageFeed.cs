using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    /// <summary>
    /// Once per test run: packs TlsGuard (already built) and a native test package into a local folder feed, and sets
    /// up one packages folder all consumers share. Every run uses a fresh version, so no NuGet cache can serve a stale copy.
    /// </summary>
    public sealed class PackageFeed : IDisposable
    {
        public const string NativePackageId = "TlsGuard.TestNative";
        public const string NativePackageVersion = "1.0.0";

        private readonly TempDirectory _scratch = new TempDirectory("feed");

        public PackageFeed()
        {
            Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
            Directory.CreateDirectory(FeedDirectory);
            var pack = DotNet.Run(RepositoryRoot.Path, "pack", Repository.PackageProject, "-c", BuildConfiguration.Name, "--no-build",
                "-o", FeedDirectory, "-p:PackageVersion=" + Version, "-nologo");
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("packing TlsGuard failed:\n" + pack);
            }

            PackTime = pack.Elapsed;
            CreateNativePackage();
        }

        public string Version { get; }
        public TimeSpan PackTime { get; }
        public string Root => _scratch.Path;
        public string FeedDirectory => _scratch.Combine("feed");
        public string PackagesDirectory => _scratch.Combine("packages");
        public string TlsGuardPackage => Path.Combine(FeedDirectory, "TlsGuard." + Version + ".nupkg");

        /// <summary>A consumer folder beside the feed, with a nuget.config: only the local feed and the default source.</summary>
        internal TempDirectory NewConsumer(string name)
        {
            var consumer = new TempDirectory(name);
            consumer.Write("nuget.config", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{FeedDirectory}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                  </packageSources>
                </configuration>
                """);
            return consumer;
        }

        public void Dispose() => _scratch.Dispose();

        /// <summary>A package with only runtimes/&lt;rid&gt;/native assets, like the SQLite or jemalloc redistributables.</summary>
        private void CreateNativePackage()
        {
            var path = Path.Combine(FeedDirectory, NativePackageId + "." + NativePackageVersion + ".nupkg");
            using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
            var nuspec = archive.CreateEntry(NativePackageId + ".nuspec");
            using (var writer = new StreamWriter(nuspec.Open()))
            {
                writer.Write($"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                      <metadata>
                        <id>{NativePackageId}</id>
                        <version>{NativePackageVersion}</version>
                        <authors>TlsGuard tests</authors>
                        <description>Native libraries with a 2632-byte initial-exec TLS block for linux-x64 and linux-arm64.</description>
                      </metadata>
                    </package>
                    """);
            }

            archive.CreateEntryFromFile(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "runtimes/linux-x64/native/libie_own.so");
            archive.CreateEntryFromFile(RepositoryRoot.Fixture("aarch64-gcc", "libie_own.so"), "runtimes/linux-arm64/native/libie_own.so");
            archive.CreateEntryFromFile(RepositoryRoot.Fixture("x86_64-gcc", "libgd.so"), "runtimes/win-x64/native/ie_own.dll");
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
    {
        public const string Name = "packed TlsGuard";
    }
}
