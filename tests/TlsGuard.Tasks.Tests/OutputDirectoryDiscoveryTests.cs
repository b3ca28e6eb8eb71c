using System.IO;
using System.Linq;

namespace TlsGuard.Tasks.Tests
{
    public class OutputDirectoryDiscoveryTests
    {
        [Fact]
        public void Finds_shared_objects_the_build_did_not_copy()
        {
            using var temp = new TempDirectory();
            var built = temp.Write("bin/libnative.so.1");
            var nested = temp.Write("bin/plugins/libplugin.so");
            temp.Write("bin/libcopied.so");
            temp.Write("bin/runtimes/linux-x64/native/libpkg.so");
            temp.Write("bin/app.dll");
            temp.Write("bin/notes.so.txt");

            var found = OutputDirectoryDiscovery.Find(temp.Combine("bin"), new[] { "libcopied.so", "runtimes/linux-x64/native/libpkg.so" });

            Assert.Equal(new[] { built, nested }.OrderBy(path => path, System.StringComparer.Ordinal), found);
        }

        [Fact]
        public void Other_builds_output_folders_are_left_alone()
        {
            using var temp = new TempDirectory();
            var built = temp.Write("bin/libnative.so");
            var packaged = temp.Write("bin/runtimes/linux-musl-x64/native/libpkg.so");
            temp.Write("bin/linux-musl-x64/libstale.so");
            temp.Write("bin/linux-musl-x64/App.deps.json");
            temp.Write("bin/win-x64/libodd.so");
            temp.Write("bin/publish/libnative.so");
            temp.Write("bin/tools/other/libother.so");
            temp.Write("bin/tools/other/Other.runtimeconfig.json");

            var found = OutputDirectoryDiscovery.Find(temp.Combine("bin"), new string[0]);

            Assert.Equal(new[] { built, packaged }.OrderBy(path => path, System.StringComparer.Ordinal), found);
        }

        [Fact]
        public void Symbolic_links_are_left_to_the_file_they_point_at()
        {
            using var temp = new TempDirectory();
            var real = temp.Write("bin/libfoo.so.1.2");
            File.CreateSymbolicLink(temp.Combine("bin/libfoo.so.1"), real);
            File.CreateSymbolicLink(temp.Combine("bin/libfoo.so"), "libfoo.so.1");

            Assert.Equal(new[] { real }, OutputDirectoryDiscovery.Find(temp.Combine("bin"), new string[0]));
        }

        [Fact]
        public void A_missing_output_directory_gives_nothing()
        {
            using var temp = new TempDirectory();

            Assert.Empty(OutputDirectoryDiscovery.Find(temp.Combine("bin/Debug/net10.0/"), new string[0]));
        }

        [Fact]
        public void Relative_paths_use_forward_slashes()
        {
            using var temp = new TempDirectory();
            var file = temp.Write("bin/plugins/libplugin.so");

            Assert.Equal("plugins/libplugin.so", OutputDirectoryDiscovery.RelativePath(temp.Combine("bin/"), file));
        }
    }
}
