using TlsGuard.Core.Analysis;
using TlsGuard.Core.Files;
using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Discovery;
using static TlsGuard.Core.Tests.Archives.ArchiveTesting;
using TlsGuard.Core.Describe;

namespace TlsGuard.Core.Tests.Archives
{
    /// <summary>
    /// Images built by make_archives.py: a legacy `docker save` (gzip layers stored top first, the base layer behind a
    /// symbolic link, a whiteout and an opaque folder) holding musl's loader and Debian's libjemalloc, and a docker 25
    /// save (OCI layout in a tar) and an OCI layout folder holding Debian's libc.so.6 and libjemalloc.
    /// </summary>
    public sealed class ContainerImageTests
    {
        private static GeneratedArchives Archives => GeneratedArchives.Packages;

        [Fact]
        public void The_musl_image_view_is_its_layers_applied_in_manifest_order_with_whiteouts()
        {
            using var files = new ArchiveFileSystem();
            var image = Archives["musl-image.tar"];

            Assert.Equal(File.ReadAllBytes(Jemalloc), ReadAll(files, image + "!/usr/lib/libjemalloc.so.2"));
            Assert.Equal(FileKind.Missing, files.KindOf(image + "!/usr/lib/removed.so"));
            Assert.Equal(FileKind.Missing, files.KindOf(image + "!/usr/lib/.wh.removed.so"));
            Assert.Equal(FileKind.Missing, files.KindOf(image + "!/opt/old"));
            Assert.Equal(new[] { image + "!/opt/new" }, files.List(image + "!/opt", out _));
            Assert.Equal(File.ReadAllBytes("/lib/x86_64-linux-musl/libc.so"), ReadAll(files, image + "!/lib/ld-musl-x86_64.so.1"));
        }

        [Fact]
        public void The_musl_image_names_its_loader_and_gives_every_input_the_image_as_sysroot()
        {
            using var files = new ArchiveFileSystem();
            var image = Archives["musl-image.tar"];

            var found = ArchiveInputs.Discover(files, image);

            Assert.Equal(ArchiveKind.ContainerImage, found.Kind);
            Assert.Empty(found.Problems);
            Assert.Equal(ImageLibc.Musl, found.Image!.Libc);
            Assert.Equal(image + "!", found.Image.Root);
            Assert.Equal(new[] { image + "!/lib/x86_64-linux-musl/libc.so" }, found.Image.MuslLoaders);
            Assert.Empty(found.Image.GlibcLibraries);
            Assert.Equal(new[] { image + "!/etc/ld-musl-x86_64.path" }, found.Image.LoaderConfiguration);
            Assert.Equal(File.ReadAllBytes("/etc/ld-musl-x86_64.path"), ReadAll(files, found.Image.LoaderConfiguration[0]));
            Assert.Equal(new[] { "/lib/x86_64-linux-musl/libc.so", "/opt/new/libnew.so", "/usr/lib/libjemalloc.so.2" }, found.Inputs.Select(Inner));
            Assert.All(found.Inputs, input => Assert.Equal(("linux-musl-x64", "musl", image + "!"), (input.RuntimeIdentifier, input.TargetLibcHint, input.Sysroot)));
            Assert.True(ArchivePath.TrySplit(found.Inputs[0].Sysroot!, out var outer, out _));
            Assert.Equal(found.Image.MuslLoaders, ArchiveInputs.ImageOf(files, outer)!.MuslLoaders);
            Assert.Null(ArchiveInputs.ImageOf(files, Archives["libs.tar"]));
        }

        [Theory]
        [InlineData("glibc-image.tar")]
        [InlineData("glibc-oci")]
        public void The_glibc_image_names_its_libc_so_6_through_the_merged_usr_links(string name)
        {
            using var files = new ArchiveFileSystem();
            var image = Archives[name];

            var found = ArchiveInputs.Discover(files, image);

            Assert.Empty(found.Problems);
            Assert.Equal(ImageLibc.Glibc, found.Image!.Libc);
            Assert.Equal(new[] { image + "!/usr/lib/x86_64-linux-gnu/libc.so.6" }, found.Image.GlibcLibraries);
            Assert.Equal(File.ReadAllBytes("/lib/x86_64-linux-gnu/libc.so.6"), ReadAll(files, image + "!/lib/x86_64-linux-gnu/libc.so.6"));
            Assert.Equal(File.ReadAllBytes("/lib64/ld-linux-x86-64.so.2"), ReadAll(files, image + "!/lib64/ld-linux-x86-64.so.2"));
            Assert.Equal(
                new[] { image + "!/etc/ld.so.conf", image + "!/etc/ld.so.conf.d/x86_64-linux-gnu.conf" },
                found.Image.LoaderConfiguration);
            Assert.Equal("include /etc/ld.so.conf.d/*.conf\n", System.Text.Encoding.ASCII.GetString(ReadAll(files, image + "!/etc/ld.so.conf")));
            Assert.Equal(FileKind.Missing, files.KindOf(image + "!/usr/lib/x86_64-linux-gnu/libstale.so"));
            Assert.Equal(
                new[] { "ld-linux-x86-64.so.2", "libc.so.6", "libgcc_s.so.1", "libjemalloc.so.2", "libm.so.6", "libstdc++.so.6" }.Select(lib => "/usr/lib/x86_64-linux-gnu/" + lib),
                found.Inputs.Select(Inner));
            Assert.All(found.Inputs, input => Assert.Equal(("linux-x64", "glibc", image + "!"), (input.RuntimeIdentifier, input.TargetLibcHint, input.Sysroot)));
            Assert.Equal(File.ReadAllBytes(Jemalloc), ReadAll(files, image + "!/app/libjemalloc-hard.so"));
        }

        [Fact]
        public void An_oci_folder_reads_its_uncompressed_layer_in_place_and_keeps_only_the_gzip_layer_s_elf_files()
        {
            using var files = new ArchiveFileSystem();

            ArchiveInputs.Discover(files, Archives["glibc-oci"]);

            Assert.Equal(new FileInfo(Jemalloc).Length, files.KeptInMemoryBytes);
        }

        [Fact]
        public void A_streamed_image_gives_the_same_inputs_as_the_file()
        {
            using var files = new ArchiveFileSystem();
            var image = Archives["musl-image.tar"];
            using (var stream = Unseekable(image))
            {
                Assert.Equal(ArchiveFileSystem.StandardInputPath + "!", files.AddStream(stream));
            }

            var streamed = ArchiveInputs.Discover(files, ArchiveFileSystem.StandardInputPath);
            var fromFile = ArchiveInputs.Discover(files, image);

            Assert.Equal(fromFile.Inputs.Select(Inner), streamed.Inputs.Select(Inner));
            Assert.Equal(ImageLibc.Musl, streamed.Image!.Libc);
            Assert.Equal(File.ReadAllBytes(Jemalloc), ReadAll(files, "/dev/stdin!/usr/lib/libjemalloc.so.2"));
        }

        [Fact]
        public void Libjemalloc_in_the_glibc_image_fails_and_its_dependencies_resolve_inside_the_image()
        {
            using var files = new ArchiveFileSystem();
            var image = Archives["glibc-image.tar"];
            var found = ArchiveInputs.Discover(files, image);

            var report = LoadAnalyzer.Analyze(found.Inputs, new AnalysisOptions { FileSystem = files, Sysroot = found.Image!.Root });

            var jemalloc = image + "!/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
            Assert.Contains(FindingFactory.Describe(report), finding => finding.Id == "TLS001" && finding.FilePath == jemalloc);
            Assert.DoesNotContain(FindingFactory.Describe(report), finding => finding.Id == "TLS005");
            Assert.Equal(Verdict.Fails, report.Libraries.Single(library => library.Input.Path == jemalloc).Verdict);
        }

        [Fact]
        public void Libjemalloc_in_the_musl_image_fails_for_musl()
        {
            using var files = new ArchiveFileSystem();
            var image = Archives["musl-image.tar"];

            var report = LoadAnalyzer.Analyze(ArchiveInputs.Discover(files, image).Inputs, new AnalysisOptions { FileSystem = files });

            var jemalloc = report.Libraries.Single(library => library.Input.Path == image + "!/usr/lib/libjemalloc.so.2");
            Assert.Equal((Verdict.Fails, "musl"), (jemalloc.Verdict, jemalloc.Libc.Name));
        }
    }
}
