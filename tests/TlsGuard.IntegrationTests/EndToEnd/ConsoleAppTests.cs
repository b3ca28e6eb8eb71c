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
            var library = folder.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
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
            Assert.All(second.Log.CacheStatistics, line => Assert.EndsWith(", analysis reused", line));
        }

        [Fact]
        public void The_analyzer_flags_the_PInvoke_that_binds_to_the_library_in_the_build_and_in_the_compiler_SARIF()
        {
            using var folder = _feed.NewConsumer("analyzer");
            folder.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var consumer = Consumer.Create(_feed, folder, LibraryItem("libie_own.so"), source: PInvokeSource("ie_own"));

            var build = consumer.Run("build", "-p:ErrorLog=compiler.sarif%2Cversion=2.1");

            Assert.True(build.Succeeded, build.ToString());
            var callSite = Assert.Single(build.Log.Warnings, w => w.Code == "TLS100");
            Assert.EndsWith("Program.cs", callSite.File);
            Assert.Equal(DllImportLine, callSite.Line);
            Assert.StartsWith("'ie_own' binds to libie_own.so, which will fail to load on glibc", callSite.Message);
            Assert.Single(build.Log.Tls("TLS001"));

            var sarif = JsonValue.Parse(File.ReadAllText(folder.Combine("compiler.sarif")));
            var run = sarif.GetArray("runs").Single();
            var result = Assert.Single(run.GetArray("results"), r => r.GetString("ruleId") == "TLS100");
            Assert.Equal("warning", result.GetString("level"));
            var location = result.GetArray("locations").Single().Get("physicalLocation")!;
            Assert.EndsWith("Program.cs", location.Get("artifactLocation")!.GetString("uri"));
            Assert.Equal(DllImportLine, location.Get("region")!.GetInt64("startLine"));
            var rule = Assert.Single(run.Get("tool")!.Get("driver")!.GetArray("rules"), r => r.GetString("id") == "TLS100");
            Assert.EndsWith("docs/rules/TLS100.md", rule.GetString("helpUri"));
        }

        [Fact]
        public void A_consumer_whose_libraries_are_clean_gets_no_analyzer_or_build_warning()
        {
            using var folder = _feed.NewConsumer("clean");
            folder.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libgd.so"), "native/libgd.so");
            var consumer = Consumer.Create(_feed, folder, LibraryItem("libgd.so"), source: PInvokeSource("gd"));

            var build = consumer.Run("build");

            Assert.True(build.Succeeded, build.ToString());
            Assert.DoesNotContain(build.Log.Warnings, w => w.Code != null && w.Code.StartsWith("TLS", System.StringComparison.Ordinal));
            Assert.Contains(build.Log.TasksRun, task => task == "CheckNativeLibraries");
        }

        /// <summary>The 1-based line of the [DllImport] attribute in <see cref="PInvokeSource"/>.</summary>
        private const int DllImportLine = 7;

        private static string LibraryItem(string fileName) => $"""
              <ItemGroup>
                <None Include="native/{fileName}" CopyToOutputDirectory="PreserveNewest" Link="{fileName}" />
              </ItemGroup>
            """;

        private static string PInvokeSource(string libraryName) => $$"""
            using System.Runtime.InteropServices;

            System.Console.WriteLine(Native.Touch(1));

            static class Native
            {
                [DllImport("{{libraryName}}")]
                public static extern int Touch(int i);
            }
            """;
    }
}
