using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>`tlsguard scan` over archives and images made by make_archives.py, and over a tar piped to "-".</summary>
    public sealed class ArchiveScanTests
    {
        private static GeneratedArchives Archives => GeneratedArchives.Packages;

        /// <summary>Verdict and C library by path ("lib.a(member.o)" for ar members), from the JSON report.</summary>
        private static Dictionary<string, (string Verdict, string Libc)> Files(string json) =>
            JsonDocument.Parse(json).RootElement.GetProperty("files").EnumerateArray().ToDictionary(
                file => file.GetProperty("path").GetString() + (file.GetProperty("archiveMember").GetString() is string member ? "(" + member + ")" : ""),
                file => (file.GetProperty("verdict").GetString()!, file.GetProperty("libc").GetString()!));

        [Fact]
        public void A_nupkg_is_scanned_inside_and_its_initial_exec_library_fails_under_its_inner_path()
        {
            var nupkg = Archives["Fixture.Native.1.0.0.nupkg"];

            var run = CliRun.Of("scan", nupkg, "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            var files = Files(run.Output);
            Assert.Equal(("fails", "glibc"), files[nupkg + "!/runtimes/linux-x64/native/libie_own.so"]);
            Assert.Equal("none", files[nupkg + "!/runtimes/linux-x64/native/libgd.so"].Verdict);
            Assert.DoesNotContain(nupkg, files.Keys);
        }

        [Fact]
        public void The_text_and_sarif_reports_name_the_inner_path()
        {
            var wheel = Archives["fixture_native-1.0.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"];
            var inner = "!/fixture_native/_core.cpython-312-x86_64-linux-gnu.so";

            var text = CliRun.Of("scan", wheel, "--no-color");
            var sarif = CliRun.Of("scan", wheel, "--format", "sarif", "--source-root", Archives.Folder);

            Assert.True(text.ExitCode == 1, text.ToString());
            Assert.Contains(wheel + inner + ": FAILS on glibc 2.17", text.Output);
            Assert.Contains("(package fixture_native 1.0.0)", text.Output);
            var uri = JsonDocument.Parse(sarif.Output).RootElement.GetProperty("runs")[0].GetProperty("results")[0]
                .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
            Assert.Equal(Path.GetFileName(wheel) + inner, uri);
        }

        [Theory]
        [InlineData("musl-image.tar", "/usr/lib/libjemalloc.so.2", "musl")]
        [InlineData("glibc-image.tar", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "glibc")]
        [InlineData("glibc-oci", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "glibc")]
        public void Libjemalloc_in_an_image_fails_for_the_image_s_c_library(string name, string jemalloc, string libc)
        {
            var image = Archives[name];

            var run = CliRun.Of("scan", image, "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            // A glibc image is judged by the release its own libc.so.6 implements: this machine's, which it copied.
            var expected = libc == "glibc" ? "glibc-" + MachineGlibc.Version : libc;
            Assert.Equal(("fails", expected), Files(run.Output)[image + "!" + jemalloc]);
        }

        [Fact]
        public void An_image_s_own_C_library_is_named_by_its_release_and_shown_as_loaded_at_startup()
        {
            var image = Archives["glibc-image.tar"];

            var run = CliRun.Of("scan", image, "--no-color");

            var release = MachineGlibc.Version;
            Assert.Contains(image + "!/usr/lib/x86_64-linux-gnu/libc.so.6: NONE on glibc " + release + " (loaded at startup)\n", run.Output);
            Assert.Contains(image + "!/usr/lib/x86_64-linux-gnu/libjemalloc.so.2: FAILS on glibc " + release + "\n", run.Output);
        }

        [Fact]
        public void Archives_and_plain_files_are_judged_in_one_run()
        {
            var apk = Archives["fixture.apk"];
            var plain = RepositoryRoot.Fixture("x86_64-gcc/libgd.so");

            var run = CliRun.Of("scan", plain, apk, "--format", "json");

            var files = Files(run.Output);
            Assert.Equal(("none", "glibc"), files[plain]);
            Assert.Equal(("fails", "bionic"), files[apk + "!/lib/arm64-v8a/libie_own.so"]);
        }

        [Fact]
        public void An_archive_nothing_can_be_read_from_is_an_input_error()
        {
            var run = CliRun.Of("scan", GeneratedArchives.Hostile["not-gzip-inside.tgz"]);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("not-gzip-inside.tgz: tar header checksum mismatch at offset 0", run.Error);
        }

        [Theory]
        [InlineData("exec dotnet \"$0\" scan - --format json < \"$1\"")]
        [InlineData("gzip -c \"$1\" | dotnet \"$0\" scan - --format json")]
        public void A_docker_save_stream_on_standard_input_is_scanned_once(string pipeline)
        {
            var run = ChildProcess.Run("sh", new[] { "-c", pipeline, Repo.CliAssembly, Archives["musl-image.tar"] });

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal(("fails", "musl"), Files(run.Output)["/dev/stdin!/usr/lib/libjemalloc.so.2"]);
        }

        [Fact]
        public void An_empty_standard_input_is_an_input_error()
        {
            var run = ChildProcess.Run("sh", new[] { "-c", "exec dotnet \"$0\" scan - < /dev/null", Repo.CliAssembly });

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("tlsguard: -: the stream is empty", run.Error);
        }
    }
}
