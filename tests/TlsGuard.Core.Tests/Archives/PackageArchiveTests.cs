using TlsGuard.Core.Analysis;
using TlsGuard.Core.Files;
using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Discovery;
using TlsGuard.Core.Scanning;
using static TlsGuard.Core.Tests.Archives.ArchiveTesting;
using TlsGuard.Core.Describe;

namespace TlsGuard.Core.Tests.Archives
{
    /// <summary>Zip-based packages: .nupkg (runtimes/RID/native), wheels (platform tag), .apk (lib/ABI, stored members).</summary>
    public sealed class PackageArchiveTests
    {
        private static GeneratedArchives Archives => GeneratedArchives.Packages;

        [Fact]
        public void A_nupkg_yields_its_native_assets_with_their_rid_and_the_nuspec_package()
        {
            using var files = new ArchiveFileSystem();
            var nupkg = Archives["Fixture.Native.1.0.0.nupkg"];

            var found = ArchiveInputs.Discover(files, nupkg);

            Assert.Equal(ArchiveKind.NuGetPackage, found.Kind);
            Assert.Empty(found.Problems);
            Assert.Equal(
                new[]
                {
                    "/runtimes/linux-arm64/native/libie_own.so linux-arm64",
                    "/runtimes/linux-musl-x64/native/libtlsobjs.a linux-musl-x64",
                    "/runtimes/linux-x64/native/libgd.so linux-x64",
                    "/runtimes/linux-x64/native/libie_own.so linux-x64",
                },
                found.Inputs.Select(input => Inner(input) + " " + input.RuntimeIdentifier));
            Assert.All(found.Inputs, input => Assert.Equal(("Fixture.Native", "1.0.0"), (input.PackageId, input.PackageVersion)));
            Assert.Equal("runtimes/linux-x64/native/libie_own.so", found.Inputs[3].RelativePath);
            Assert.Equal(Fixture("x86_64-gcc/libie_own.so"), ReadAll(files, nupkg + "!/runtimes/linux-x64/native/libie_own.so"));
        }

        [Fact]
        public void Scanning_finds_the_initial_exec_library_inside_the_nupkg_under_its_inner_path()
        {
            using var files = new ArchiveFileSystem();
            var nupkg = Archives["Fixture.Native.1.0.0.nupkg"];
            var inputs = ArchiveInputs.Discover(files, nupkg).Inputs;

            var report = LoadAnalyzer.Analyze(inputs, new AnalysisOptions { FileSystem = files });

            var finding = Assert.Single(FindingFactory.Describe(report), f => f.Id == "TLS001" && f.FilePath.EndsWith("linux-x64/native/libie_own.so", StringComparison.Ordinal));
            Assert.Equal(nupkg + "!/runtimes/linux-x64/native/libie_own.so", finding.FilePath);
            Assert.Equal("Fixture.Native", finding.PackageId);
            Assert.Equal(Verdict.Fails, report.Libraries.Single(l => l.Input.Path == finding.FilePath).Verdict);
        }

        [Theory]
        [InlineData("fixture_native-1.0.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "linux-x64", "glibc-2.17", "x86_64-gcc", "x86_64-linux-gnu")]
        [InlineData("fixture_native-1.0.0-cp312-cp312-musllinux_1_1_aarch64.whl", "linux-musl-arm64", "musl", "aarch64-gcc", "aarch64-linux-musl")]
        public void A_wheel_names_machine_and_c_library_in_its_platform_tag(string wheel, string rid, string libc, string fixtureFolder, string abiTag)
        {
            using var files = new ArchiveFileSystem();
            var path = Archives[wheel];

            var found = ArchiveInputs.Discover(files, path);

            Assert.Equal(ArchiveKind.PythonWheel, found.Kind);
            Assert.Equal(
                new[] { "/fixture_native/_core.cpython-312-" + abiTag + ".so", "/fixture_native.libs/libgd-0a1b2c3d.so" },
                found.Inputs.Select(Inner).OrderByDescending(p => p.Contains("_core")));
            Assert.All(found.Inputs, input =>
            {
                Assert.Equal(rid, input.RuntimeIdentifier);
                Assert.Equal(libc, input.TargetLibcHint);
                Assert.Equal(("fixture_native", "1.0.0"), (input.PackageId, input.PackageVersion));
            });
            Assert.Equal(Fixture(fixtureFolder + "/libie_own.so"), ReadAll(files, path + "!/fixture_native/_core.cpython-312-" + abiTag + ".so"));
        }

        [Fact]
        public void An_apk_maps_its_abi_folders_to_android_rids_and_reads_stored_libraries_in_place()
        {
            using var files = new ArchiveFileSystem();
            var apk = Archives["fixture.apk"];

            var found = ArchiveInputs.Discover(files, apk);
            var arm64 = ReadAll(files, apk + "!/lib/arm64-v8a/libie_own.so");

            Assert.Equal(ArchiveKind.AndroidPackage, found.Kind);
            Assert.Equal(
                new[] { "/lib/arm64-v8a/libie_own.so android-arm64", "/lib/armeabi-v7a/libie_own.so android-arm", "/lib/x86_64/libgd.so android-x64" },
                found.Inputs.Select(input => Inner(input) + " " + input.RuntimeIdentifier));
            Assert.All(found.Inputs, input => Assert.Equal("bionic", input.TargetLibcHint));
            Assert.Equal(Fixture("aarch64-gcc/libie_own.so"), arm64);
            Assert.Equal(0, files.KeptInMemoryBytes);
        }

        [Fact]
        public void A_deflated_member_is_inflated_once_into_memory()
        {
            using var files = new ArchiveFileSystem();
            var apk = Archives["fixture.apk"];
            var expected = Fixture("x86_64-gcc/libgd.so");

            Assert.Equal(expected, ReadAll(files, apk + "!/lib/x86_64/libgd.so"));
            Assert.Equal(expected, ReadAll(files, apk + "!/lib/x86_64/libgd.so"));
            Assert.Equal(expected.Length, files.KeptInMemoryBytes);
        }

        [Fact]
        public void Paths_outside_archives_and_folders_inside_them_behave_as_on_disk()
        {
            using var files = new ArchiveFileSystem();
            var nupkg = Archives["Fixture.Native.1.0.0.nupkg"];

            Assert.Equal(FileKind.RegularFile, files.KindOf(nupkg));
            Assert.Equal(FileKind.Directory, files.KindOf(nupkg + "!"));
            Assert.Equal(FileKind.Directory, files.KindOf(nupkg + "!/runtimes/linux-x64"));
            Assert.Equal(FileKind.Missing, files.KindOf(nupkg + "!/runtimes/linux-x64/native/libnone.so"));
            Assert.Equal(new[] { nupkg + "!/runtimes/linux-x64/native/libgd.so", nupkg + "!/runtimes/linux-x64/native/libie_own.so" }, files.List(nupkg + "!/runtimes/linux-x64/native", out var error));
            Assert.Null(error);
            Assert.Equal("is a directory", OpenError(files, nupkg + "!/runtimes"));
            Assert.Single(ElfScanner.Scan(files, RepositoryRoot.Fixture("x86_64-gcc/libgd.so")), r => r.Error == null);
        }

        [Fact]
        public void A_library_named_before_a_separator_stays_a_plain_file()
        {
            using var files = new ArchiveFileSystem();
            var library = RepositoryRoot.Fixture("x86_64-gcc/libgd.so");

            Assert.Equal(FileKind.Missing, files.KindOf(library + "!/lib/x.so"));
            Assert.Equal(Fixture("x86_64-gcc/libgd.so"), ReadAll(files, library));
        }

        [Fact]
        public void Symbolic_links_in_a_zip_resolve_inside_it_and_never_reach_the_disk()
        {
            using var files = new ArchiveFileSystem();
            var zip = GeneratedArchives.Hostile["links.zip"];

            Assert.Equal(Fixture("x86_64-gcc/libie_own.so"), ReadAll(files, zip + "!/lib/liblink.so"));
            Assert.True(File.Exists("/etc/passwd"));
            Assert.Equal(FileKind.Missing, files.KindOf(zip + "!/lib/escape"));
            Assert.Equal(new[] { "/lib/libreal.so" }, ArchiveInputs.Discover(files, zip).Inputs.Select(Inner));
        }
    }
}
