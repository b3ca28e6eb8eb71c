using System.IO;
using System.Linq;
using TlsGuard.Core.Json;
using TlsGuard.IntegrationTests.Infrastructure;

namespace TlsGuard.IntegrationTests.EndToEnd
{
    [Collection(PackageFeedCollection.Name)]
    public class ConsoleAppTests
    {
        private readonly PackageFeed _feed;

        public ConsoleAppTests(PackageFeed feed)
        {
            _feed = feed;
        }

        [Fact]
        public void The_package_flags_a_project_library_and_a_rebuild_repeats_it_without_reading_it()
        {
            using var folder = _feed.NewConsumer("console");
            var library = folder.Copy(Repository.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var consumer = Consumer.Create(_feed, folder, """
                  <PropertyGroup>
                    <TlsGuardSarifFile>$(MSBuildProjectDirectory)/artifacts/tlsguard/$(MSBuildProjectName).sarif</TlsGuardSarifFile>
                  </PropertyGroup>
                  <ItemGroup>
                    <None Include="native/libie_own.so" CopyToOutputDirectory="PreserveNewest" />
                  </ItemGroup>
                """);

            var first = consumer.Run("build");

            Assert.True(first.Succeeded, first.ToString());
            var warning = Assert.Single(first.Log.Tls("TLS001"));
            Assert.Equal(library, warning.File);
            Assert.Contains("libie_own.so", warning.Message);
            Assert.Equal(2, first.Log.TasksRun.Count(task => task == "CheckNativeLibraries"));

            var sarif = JsonValue.Parse(File.ReadAllText(folder.Combine("artifacts/tlsguard/Consumer.sarif")));
            Assert.Equal("2.1.0", sarif.GetString("version"));
            Assert.Contains(sarif.GetArray("runs").Single().GetArray("results"), result => result.GetString("ruleId") == "TLS001");

            var second = consumer.Run("build", "--no-restore");

            Assert.True(second.Succeeded, second.ToString());
            Assert.Equal(warning, Assert.Single(second.Log.Tls("TLS001")));
            Assert.NotEmpty(second.Log.CacheStatistics);
            Assert.All(second.Log.CacheStatistics, line => Assert.Contains(" 0 read,", line));
        }

        [Fact]
        public void The_analyzer_flags_the_PInvoke_that_binds_to_the_library()
        {
            using var folder = _feed.NewConsumer("analyzer");
            folder.Copy(Repository.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var consumer = Consumer.Create(_feed, folder, """
                  <ItemGroup>
                    <None Include="native/libie_own.so" CopyToOutputDirectory="PreserveNewest" Link="libie_own.so" />
                  </ItemGroup>
                """, source: """
                using System.Runtime.InteropServices;

                System.Console.WriteLine(Native.ie_own_touch(1));

                static class Native
                {
                    [DllImport("ie_own")]
                    public static extern int ie_own_touch(int i);
                }
                """);

            var build = consumer.Run("build");

            Assert.True(build.Succeeded, build.ToString());
            var callSite = Assert.Single(build.Log.Warnings, w => w.Code == "TLS100");
            Assert.EndsWith("Program.cs", callSite.File);
        }
    }
}
