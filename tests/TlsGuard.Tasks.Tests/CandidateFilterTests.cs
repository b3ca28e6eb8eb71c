using TlsGuard.Core.Analysis;

namespace TlsGuard.Tasks.Tests
{
    public class CandidateFilterTests
    {
        [Theory]
        [InlineData("Microsoft.NETCore.App.Runtime.linux-x64")]
        [InlineData("microsoft.netcore.app.runtime.linux-musl-arm64")]
        [InlineData("Microsoft.AspNetCore.App.Runtime.linux-x64")]
        public void Runtime_pack_files_are_never_checked(string packageId)
        {
            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.Package, Fixtures.IeOwnX64, packageId));
            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.User, Fixtures.IeOwnX64, packageId));
        }

        [Fact]
        public void Shared_objects_are_checked_from_every_origin()
        {
            foreach (var origin in new[] { LibraryOrigin.User, LibraryOrigin.Package, LibraryOrigin.Project, LibraryOrigin.Output, LibraryOrigin.Publish })
            {
                Assert.Null(CandidateFilter.SkipReason(origin, Fixtures.IeOwnX64, "Foo.Native"));
            }
        }

        [Fact]
        public void Windows_and_mac_assets_are_skipped_quietly()
        {
            using var temp = new TempDirectory();
            var dll = temp.Write("runtimes/win-x64/native/foo.dll", "MZ\u0090\u0000");
            var dylib = temp.Write("runtimes/osx-arm64/native/libfoo.dylib", "\u00cf\u00fa\u00ed\u00fe");

            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.Package, dll, "Foo"));
            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.Package, dylib, "Foo"));
        }

        [Fact]
        public void Project_files_without_a_library_name_are_checked_only_with_the_elf_magic()
        {
            using var temp = new TempDirectory();
            var elf = temp.Copy(Fixtures.IeOwnX64, "native/plugin.bin");
            var text = temp.Write("native/settings.conf", "key=value");

            Assert.Null(CandidateFilter.SkipReason(LibraryOrigin.Project, elf, null));
            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.Project, text, null));
        }

        [Fact]
        public void Publish_and_output_sets_are_limited_to_library_names_so_the_apphost_is_left_out()
        {
            using var temp = new TempDirectory();
            var apphost = temp.Copy(RepositoryRoot.Fixture("x86_64-gcc", "exe_le"), "publish/MyApp");

            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.Publish, apphost, null));
            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.Output, apphost, null));
            Assert.Null(CandidateFilter.SkipReason(LibraryOrigin.Project, apphost, null));
        }

        [Fact]
        public void Missing_files_are_skipped_unless_the_user_named_them()
        {
            using var temp = new TempDirectory();
            var missing = temp.Combine("libgone.so");

            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.Package, missing, "Foo"));
            Assert.Null(CandidateFilter.SkipReason(LibraryOrigin.User, missing, null));
        }

        [Theory]
        [InlineData("runtimes/linux-x64/native/libfoo.so", true)]
        [InlineData("runtimes/linux-musl-arm64/native/libfoo.so", true)]
        [InlineData("runtimes/android-arm64/native/libfoo.so", true)]
        [InlineData("runtimes/linux-bionic-x64/native/libfoo.so", true)]
        [InlineData("runtimes/freebsd-x64/native/libfoo.so", true)]
        [InlineData("runtimes/win-x64/native/libfoo.so", false)]
        [InlineData("runtimes/osx-arm64/native/libfoo.so", false)]
        [InlineData("runtimes/ios-arm64/native/libfoo.so", false)]
        [InlineData("runtimes/browser-wasm/native/libfoo.so", false)]
        [InlineData("runtimes/linux-x64/lib/net8.0/libfoo.so", false)]
        [InlineData("contentFiles/any/net10.0/libfoo.so", false)]
        public void Packed_files_are_checked_only_as_native_assets_of_elf_rids(string packagePath, bool checkedAtPack)
        {
            var input = new LibraryInput(Fixtures.IeOwnX64) { RelativePath = packagePath };

            Assert.Equal(checkedAtPack, CandidateFilter.SkipReason(LibraryOrigin.Pack, input) == null);
        }

        [Fact]
        public void A_packed_windows_library_under_a_linux_rid_is_still_not_an_elf_file()
        {
            using var temp = new TempDirectory();
            var dll = temp.Write("native/foo.dll", "MZ\u0090\u0000");

            Assert.NotNull(CandidateFilter.SkipReason(LibraryOrigin.Pack, new LibraryInput(dll) { RelativePath = "runtimes/linux-x64/native/foo.dll" }));
        }

        [Fact]
        public void An_elf_library_named_dll_is_checked_from_every_origin()
        {
            // Stub.System.Data.SQLite.Core.NetStandard ships runtimes/linux-x64/native/SQLite.Interop.dll, a glibc ELF library.
            using var temp = new TempDirectory();
            var interop = temp.Copy(Fixtures.IeOwnX64, "runtimes/linux-x64/native/SQLite.Interop.dll");
            var managed = temp.Write("MyApp.dll", "MZ\u0090\u0000");

            foreach (var origin in new[] { LibraryOrigin.Package, LibraryOrigin.Project, LibraryOrigin.Output, LibraryOrigin.Publish })
            {
                Assert.Null(CandidateFilter.SkipReason(origin, interop, "Stub.System.Data.SQLite.Core.NetStandard"));
                Assert.NotNull(CandidateFilter.SkipReason(origin, managed, null));
            }

            Assert.Null(CandidateFilter.SkipReason(LibraryOrigin.Pack, new LibraryInput(interop) { RelativePath = "runtimes/linux-x64/native/SQLite.Interop.dll" }));
        }
    }
}
