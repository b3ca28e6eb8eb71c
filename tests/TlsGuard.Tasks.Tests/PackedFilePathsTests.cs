namespace TlsGuard.Tasks.Tests
{
    /// <summary>
    /// Where dotnet pack puts a file, by NuGet's rules (each rule was seen in the listing of a real `dotnet pack`), in
    /// normalised form: NuGet turns '\' into '/' but writes a doubled '/' into the entry name as it is.
    /// </summary>
    public class PackedFilePathsTests
    {
        [Theory]
        [InlineData("runtimes/linux-x64/native/", "runtimes/linux-x64/native/libfoo.so")]
        [InlineData("runtimes/linux-x64/native", "runtimes/linux-x64/native/libfoo.so")]
        [InlineData("runtimes\\linux-musl-x64/native", "runtimes/linux-musl-x64/native/libfoo.so")]
        [InlineData("runtimes/linux-x64/native/libbar.so", "runtimes/linux-x64/native/libbar.so")]
        [InlineData("runtimes/linux-x64/native/libfoo.SO", "runtimes/linux-x64/native/libfoo.SO")]
        [InlineData("/runtimes//linux-arm64/native/", "runtimes/linux-arm64/native/libfoo.so")]
        public void A_target_with_the_file_extension_names_the_file_any_other_is_a_folder(string packagePath, string expected)
        {
            Assert.Equal(new[] { expected }, PackedFilePaths.Of("libfoo.so", packagePath, null));
        }

        [Fact]
        public void A_list_gives_every_target_once_and_drops_empty_entries()
        {
            var paths = PackedFilePaths.Of("libfoo.so", " runtimes/linux-x64/native/ ;; runtimes/linux-musl-x64/native/;runtimes/linux-x64/native", null);

            Assert.Equal(new[] { "runtimes/linux-x64/native/libfoo.so", "runtimes/linux-musl-x64/native/libfoo.so" }, paths);
        }

        [Fact]
        public void The_recursive_dir_goes_below_folder_targets_only()
        {
            Assert.Equal(
                new[] { "runtimes/linux-x64/native/libfoo.so", "lib/libfoo.so" },
                PackedFilePaths.Of("libfoo.so", "runtimes;lib/libfoo.so", "linux-x64\\native\\"));
        }

        [Fact]
        public void A_versioned_library_name_is_a_file_target_only_with_its_own_last_extension()
        {
            Assert.Equal(new[] { "runtimes/linux-x64/native/libfoo.so.1" }, PackedFilePaths.Of("libfoo.so.1", "runtimes/linux-x64/native/libfoo.so.1", null));
            Assert.Equal(new[] { "runtimes/linux-x64/native/libfoo.so/libfoo.so.1" }, PackedFilePaths.Of("libfoo.so.1", "runtimes/linux-x64/native/libfoo.so", null));
        }

        [Fact]
        public void No_package_path_places_nothing()
        {
            Assert.Empty(PackedFilePaths.Of("libfoo.so", "", "linux-x64/native/"));
            Assert.Empty(PackedFilePaths.Of("libfoo.so", null, null));
        }

        [Theory]
        [InlineData("runtimes/linux-x64/native/libfoo.so", "linux-x64")]
        [InlineData("Runtimes/Linux-Musl-X64/Native/sub/libfoo.so", "Linux-Musl-X64")]
        [InlineData("runtimes/android-arm64/native/libfoo.so", "android-arm64")]
        [InlineData("runtimes/linux-x64/lib/net8.0/Foo.dll", null)]
        [InlineData("runtimes/linux-x64/native", null)]
        [InlineData("lib/runtimes/linux-x64/native/libfoo.so", null)]
        [InlineData("contentFiles/any/net10.0/libfoo.so", null)]
        public void Only_runtimes_rid_native_from_the_package_root_is_a_native_asset(string packagePath, string? expected)
        {
            Assert.Equal(expected, PackedFilePaths.NativeAssetRuntimeIdentifier(packagePath));
        }
    }
}
