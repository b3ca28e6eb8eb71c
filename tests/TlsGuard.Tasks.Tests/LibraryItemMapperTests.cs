using System.IO;
using System.Linq;
using Microsoft.Build.Utilities;

namespace TlsGuard.Tasks.Tests
{
    public class LibraryItemMapperTests
    {
        [Fact]
        public void Package_metadata_becomes_the_input_provenance()
        {
            var item = new TaskItem("/packages/foo/1.0.0/runtimes/linux-arm64/native/libfoo.so");
            item.SetMetadata("NuGetPackageId", "Foo.Native");
            item.SetMetadata("NuGetPackageVersion", "1.0.0");
            item.SetMetadata("RuntimeIdentifier", "linux-arm64");
            item.SetMetadata("DestinationSubPath", "runtimes/linux-arm64/native/libfoo.so");
            item.SetMetadata("TlsGuardOrigin", "Package");

            var candidate = LibraryItemMapper.Map(item);

            Assert.Equal("/packages/foo/1.0.0/runtimes/linux-arm64/native/libfoo.so", candidate.Input.Path);
            Assert.Equal("Foo.Native", candidate.Input.PackageId);
            Assert.Equal("1.0.0", candidate.Input.PackageVersion);
            Assert.Equal("linux-arm64", candidate.Input.RuntimeIdentifier);
            Assert.Equal("runtimes/linux-arm64/native/libfoo.so", candidate.Input.RelativePath);
            Assert.Equal(LibraryOrigin.Package, candidate.Origin);
            Assert.False(candidate.Input.Suppressed);
        }

        [Fact]
        public void The_rid_is_read_from_the_relative_path_when_the_metadata_is_missing()
        {
            var item = new TaskItem("/pkg/runtimes/linux-musl-x64/native/libfoo.so");
            item.SetMetadata("RelativePath", "runtimes/linux-musl-x64/native/libfoo.so");

            var candidate = LibraryItemMapper.Map(item);

            Assert.Equal("linux-musl-x64", candidate.Input.RuntimeIdentifier);
            Assert.Equal(LibraryOrigin.User, candidate.Origin);
        }

        [Fact]
        public void A_flattened_asset_has_no_rid_of_its_own()
        {
            var item = new TaskItem("/pkg/runtimes/linux-x64/native/libfoo.so");
            item.SetMetadata("DestinationSubPath", "libfoo.so");

            var candidate = LibraryItemMapper.Map(item);

            Assert.Null(candidate.Input.RuntimeIdentifier);
            Assert.Equal("libfoo.so", candidate.Input.RelativePath);
        }

        [Fact]
        public void Project_items_use_their_target_path_and_may_be_suppressed()
        {
            var item = new TaskItem("native\\libown.so");
            item.SetMetadata("TargetPath", "native\\libown.so");
            item.SetMetadata("TlsGuardSuppress", " True ");
            item.SetMetadata("TlsGuardOrigin", "project");

            var candidate = LibraryItemMapper.Map(item);

            Assert.True(Path.IsPathRooted(candidate.Input.Path));
            Assert.Equal("native/libown.so", candidate.Input.RelativePath);
            Assert.Equal(LibraryOrigin.Project, candidate.Origin);
            Assert.True(candidate.Input.Suppressed);
        }

        [Theory]
        [InlineData("runtimes/linux-x64/native/libfoo.so", "linux-x64")]
        [InlineData("sub/runtimes/android-arm64/native/libfoo.so", "android-arm64")]
        [InlineData("runtimes\\linux-musl-x64/native/avx/libggml-base.so", "linux-musl-x64")]
        [InlineData("runtimes//linux-arm64/native/libfoo.so", "linux-arm64")]
        [InlineData("runtimes\\\\linux-arm64\\native\\libfoo.so", "linux-arm64")]
        [InlineData("./runtimes/./linux-x64/native/libfoo.so", "linux-x64")]
        [InlineData("runtimes//libfoo.so", null)]
        [InlineData("runtimes/libfoo.so", null)]
        [InlineData("libfoo.so", null)]
        [InlineData(null, null)]
        public void Rid_from_path(string? relativePath, string? expected)
        {
            Assert.Equal(expected, LibraryItemMapper.RuntimeIdentifierFromPath(relativePath));
        }

        [Theory]
        [InlineData("runtimes\\linux-musl-x64/native/avx/libggml-base.so")]
        [InlineData("runtimes//linux-musl-x64//native/avx/libggml-base.so")]
        [InlineData(".\\runtimes\\linux-musl-x64\\native\\avx\\libggml-base.so")]
        public void Mixed_and_doubled_separators_keep_the_rid_and_give_one_relative_path(string link)
        {
            var item = new TaskItem("/pkg/LLamaSharpRuntimes/linux-musl-x64/native/avx/libggml-base.so");
            item.SetMetadata("TargetPath", link);
            item.SetMetadata("TlsGuardOrigin", "Project");

            var candidate = LibraryItemMapper.Map(item);

            Assert.Equal("linux-musl-x64", candidate.Input.RuntimeIdentifier);
            Assert.Equal("runtimes/linux-musl-x64/native/avx/libggml-base.so", candidate.Input.RelativePath);
        }

        [Fact]
        public void A_file_a_package_links_into_the_build_names_its_package_from_the_packages_folder()
        {
            // LLamaSharp.Backend.Cpu's props add its LLamaSharpRuntimes/** as Content, linked as runtimes\%(RecursiveDir)...
            using var packages = new TempDirectory("packages");
            var versionFolder = packages.Combine("llamasharp.backend.cpu", "0.30.0");
            packages.Write("llamasharp.backend.cpu/0.30.0/llamasharp.backend.cpu.nuspec", Nuspec("LLamaSharp.Backend.Cpu"));
            var library = packages.Copy(Fixtures.IeOwnX64, "llamasharp.backend.cpu/0.30.0/LLamaSharpRuntimes/linux-musl-x64/native/avx/libggml-base.so");
            var item = new TaskItem(Path.Combine(versionFolder, "build", "netstandard2.0", "..", "..", "LLamaSharpRuntimes", "linux-musl-x64", "native", "avx", "libggml-base.so"));
            item.SetMetadata("TargetPath", "runtimes\\linux-musl-x64/native/avx/libggml-base.so");
            item.SetMetadata("TlsGuardOrigin", "Project");

            var candidate = LibraryItemMapper.Map(item, new PackageFolderLookup());

            Assert.Equal(library, candidate.Input.Path);
            Assert.Equal("LLamaSharp.Backend.Cpu", candidate.Input.PackageId);
            Assert.Equal("0.30.0", candidate.Input.PackageVersion);
            Assert.Equal("linux-musl-x64", candidate.Input.RuntimeIdentifier);
        }

        [Fact]
        public void An_unreadable_nuspec_leaves_the_folder_name_as_the_package_id()
        {
            using var packages = new TempDirectory("packages");
            packages.Write("foo.native/2.1.0-beta/foo.native.nuspec", "<package><metadata><id>Foo.Native");
            var library = packages.Copy(Fixtures.IeOwnX64, "foo.native/2.1.0-beta/runtimes/linux-x64/native/libfoo.so");

            var candidate = LibraryItemMapper.Map(new TaskItem(library), new PackageFolderLookup());

            Assert.Equal("foo.native", candidate.Input.PackageId);
            Assert.Equal("2.1.0-beta", candidate.Input.PackageVersion);
        }

        [Fact]
        public void Package_metadata_wins_and_files_outside_packages_folders_name_no_package()
        {
            using var packages = new TempDirectory("packages");
            packages.Write("foo.native/1.0.0/foo.native.nuspec", Nuspec("Foo.Native"));
            var inPackage = packages.Copy(Fixtures.IeOwnX64, "foo.native/1.0.0/runtimes/linux-x64/native/libfoo.so");
            var own = packages.Copy(Fixtures.IeOwnX64, "project/native/libown.so");
            var lookup = new PackageFolderLookup();
            var withMetadata = new TaskItem(inPackage);
            withMetadata.SetMetadata("NuGetPackageId", "Foo.Native.Renamed");
            withMetadata.SetMetadata("NuGetPackageVersion", "9.9.9");

            Assert.Equal("Foo.Native.Renamed", LibraryItemMapper.Map(withMetadata, lookup).Input.PackageId);
            Assert.Equal("9.9.9", LibraryItemMapper.Map(withMetadata, lookup).Input.PackageVersion);
            Assert.Null(LibraryItemMapper.Map(new TaskItem(own), lookup).Input.PackageId);
            Assert.Equal("Foo.Native", LibraryItemMapper.Map(new TaskItem(inPackage), lookup).Input.PackageId);
        }

        [Fact]
        public void A_packed_file_gives_one_input_per_package_path_with_the_rid_of_that_path()
        {
            var item = new TaskItem("/src/Lib/native/libfoo.so");
            item.SetMetadata("TlsGuardOrigin", "Pack");
            item.SetMetadata("PackagePath", "runtimes/linux-x64/native/; runtimes\\linux-musl-x64/native ;;runtimes/win-x64/native/");
            item.SetMetadata("RuntimeIdentifier", "linux-arm64");

            var packed = LibraryItemMapper.MapAll(item, new PackageFolderLookup());

            Assert.Equal(
                new[] { "runtimes/linux-x64/native/libfoo.so", "runtimes/linux-musl-x64/native/libfoo.so", "runtimes/win-x64/native/libfoo.so" },
                packed.Select(p => p.Input.RelativePath));
            Assert.Equal(new[] { "linux-x64", "linux-musl-x64", "win-x64" }, packed.Select(p => p.Input.RuntimeIdentifier));
            Assert.All(packed, p => Assert.Equal("/src/Lib/native/libfoo.so", p.Input.Path));
            Assert.All(packed, p => Assert.Equal(LibraryOrigin.Pack, p.Origin));
        }

        [Fact]
        public void A_packed_file_from_an_inner_build_is_found_relative_to_its_project_and_keeps_its_recursive_dir()
        {
            var item = new TaskItem("native/linux-arm64/libfoo.so");
            item.SetMetadata("TlsGuardOrigin", "Pack");
            item.SetMetadata("MSBuildSourceProjectFile", "/src/Native/Native.csproj");
            item.SetMetadata("PackagePath", "runtimes/");
            item.SetMetadata("NuGetRecursiveDir", "linux-arm64/native/");

            var packed = Assert.Single(LibraryItemMapper.MapAll(item, new PackageFolderLookup()));

            Assert.Equal("/src/Native/native/linux-arm64/libfoo.so", packed.Input.Path);
            Assert.Equal("runtimes/linux-arm64/native/libfoo.so", packed.Input.RelativePath);
            Assert.Equal("linux-arm64", packed.Input.RuntimeIdentifier);
        }

        [Fact]
        public void Items_of_the_other_scans_map_to_one_input_each()
        {
            var item = new TaskItem("/pkg/runtimes/linux-x64/native/libfoo.so");
            item.SetMetadata("TlsGuardOrigin", "Package");
            item.SetMetadata("PackagePath", "runtimes/linux-x64/native/;runtimes/linux-musl-x64/native/");

            var mapped = Assert.Single(LibraryItemMapper.MapAll(item, new PackageFolderLookup()));

            Assert.Equal(LibraryOrigin.Package, mapped.Origin);
        }

        private static string Nuspec(string id) => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>1.0.0</version>
              </metadata>
            </package>
            """;
    }
}
