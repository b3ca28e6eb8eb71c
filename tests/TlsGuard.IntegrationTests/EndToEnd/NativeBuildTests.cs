using System.IO;
using TlsGuard.IntegrationTests.Infrastructure;

namespace TlsGuard.IntegrationTests.EndToEnd
{
    [Collection(PackageFeedCollection.Name)]
    public class NativeBuildTests
    {
        private readonly PackageFeed _feed;

        public NativeBuildTests(PackageFeed feed)
        {
            _feed = feed;
        }

        [Fact]
        public void A_library_a_native_build_step_compiles_into_the_output_is_flagged()
        {
            using var folder = _feed.NewConsumer("native-build");
            folder.Copy(Path.Combine(RepositoryRoot.Fixtures, "src", "ie_own.c"), "native/ie_own.c");
            var consumer = Consumer.Create(_feed, folder, """
                  <PropertyGroup>
                    <TlsGuardAfterTargets>CompileNativeLibrary</TlsGuardAfterTargets>
                  </PropertyGroup>
                  <Target Name="CompileNativeLibrary" AfterTargets="CopyFilesToOutputDirectory">
                    <MakeDir Directories="$(OutDir)plugins" />
                    <Exec Command="gcc -shared -fPIC -O2 -ftls-model=initial-exec -o $(OutDir)plugins/libplugin.so.1 native/ie_own.c" />
                  </Target>
                """);

            var build = consumer.Run("build");

            Assert.True(build.Succeeded, build.ToString());
            var warning = Assert.Single(build.Log.Tls("TLS001"));
            Assert.Equal(folder.Combine("bin/Debug/net10.0/plugins/libplugin.so.1"), warning.File);
        }
    }
}
