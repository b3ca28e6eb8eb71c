using System.IO;
using System.Linq;
using TlsGuard.IntegrationTests.Infrastructure;

namespace TlsGuard.IntegrationTests.EndToEnd
{
    /// <summary>A package with runtimes/linux-x64/native and runtimes/linux-arm64/native assets (and a Windows one).</summary>
    [Collection(PackageFeedCollection.Name)]
    public class PackageAssetTests
    {
        private const string NativeReference = """
              <ItemGroup>
                <PackageReference Include="TlsGuard.TestNative" Version="1.0.0" />
              </ItemGroup>
            """;

        private readonly PackageFeed _feed;

        public PackageAssetTests(PackageFeed feed)
        {
            _feed = feed;
        }

        private string Asset(string rid) =>
            Path.Combine(_feed.PackagesDirectory, "tlsguard.testnative", "1.0.0", "runtimes", rid, "native", "libie_own.so");

        [Fact]
        public void Builds_without_and_with_a_rid_and_publishes_check_the_assets_of_their_rids()
        {
            using var folder = _feed.NewConsumer("native-package");
            var consumer = Consumer.Create(_feed, folder, NativeReference);

            var ridLess = consumer.Run("build");
            Assert.True(ridLess.Succeeded, ridLess.ToString());
            Assert.Equal(
                new[] { Asset("linux-arm64"), Asset("linux-x64") },
                ridLess.Log.Tls("TLS001").Select(w => w.File).OrderBy(f => f, System.StringComparer.Ordinal));
            Assert.DoesNotContain(ridLess.Log.Warnings.Concat(ridLess.Log.Errors), w => w.File != null && w.File.EndsWith(".dll"));

            var x64 = consumer.Run("publish", "-r", "linux-x64");
            Assert.True(x64.Succeeded, x64.ToString());
            Assert.Equal(new[] { Asset("linux-x64") }, x64.Log.Tls("TLS001").Select(w => w.File));
            Assert.Equal(3, x64.Log.TasksRun.Count(task => task == "CheckNativeLibraries"));
            Assert.DoesNotContain(x64.Log.Warnings, w => w.Code != null && w.Code.StartsWith("TLS") && w.Code != "TLS001");

            var arm64 = consumer.Run("publish", "-r", "linux-arm64", "-p:UseAppHost=false");
            Assert.True(arm64.Succeeded, arm64.ToString());
            var warning = Assert.Single(arm64.Log.Tls("TLS001"));
            Assert.Equal(Asset("linux-arm64"), warning.File);
        }

        [Fact]
        public void Parallel_builds_of_projects_sharing_a_package_each_keep_a_sound_cache()
        {
            using var folder = _feed.NewConsumer("parallel");
            Consumer.Create(_feed, folder, NativeReference, outputType: "Library", source: "namespace Lib { public static class Api { } }\n", relativeProjectPath: "lib/Lib.csproj");
            var app = Consumer.Create(_feed, folder, NativeReference + """
                  <ItemGroup>
                    <ProjectReference Include="../lib/Lib.csproj" />
                  </ItemGroup>
                """, relativeProjectPath: "app/App.csproj");

            var first = app.Run("build", "-m:2");
            var second = app.Run("build", "-m:2", "--no-restore");

            Assert.True(first.Succeeded, first.ToString());
            Assert.True(second.Succeeded, second.ToString());
            Assert.Equal(4, first.Log.Tls("TLS001").Count());
            Assert.Equal(4, second.Log.Tls("TLS001").Count());
            Assert.Equal(4, second.Log.CacheStatistics.Count());
            Assert.All(second.Log.CacheStatistics, line => Assert.Contains(" 0 read,", line));
            Assert.All(second.Log.CacheStatistics, line => Assert.EndsWith(", analysis reused", line));
            Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
        }

        [Fact]
        public void A_class_library_checks_the_linux_assets_it_would_bring()
        {
            using var folder = _feed.NewConsumer("classlib");
            var consumer = Consumer.Create(_feed, folder, NativeReference, outputType: "Library", source: "namespace Lib { public static class Api { } }\n");

            var build = consumer.Run("build");

            Assert.True(build.Succeeded, build.ToString());
            Assert.Equal(
                new[] { Asset("linux-arm64"), Asset("linux-x64") },
                build.Log.Tls("TLS001").Select(w => w.File).OrderBy(f => f, System.StringComparer.Ordinal));
        }
    }
}
