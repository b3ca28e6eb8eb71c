using System.IO;
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
        [InlineData("runtimes/libfoo.so", null)]
        [InlineData("libfoo.so", null)]
        [InlineData(null, null)]
        public void Rid_from_path(string? relativePath, string? expected)
        {
            Assert.Equal(expected, LibraryItemMapper.RuntimeIdentifierFromPath(relativePath));
        }
    }
}
