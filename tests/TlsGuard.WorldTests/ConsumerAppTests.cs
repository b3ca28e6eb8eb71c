using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    [Collection(ConsumerAppCollection.Name)]
    public sealed class ConsumerAppTests
    {
        private readonly ConsumerAppFixture _app;

        public ConsumerAppTests(ConsumerAppFixture app) => _app = app;

        [Fact]
        public void A_rid_less_build_lays_package_assets_out_under_runtimes_rid_native()
        {
            var paths = _app.RidLess.Select(f => f.RelativePath).ToList();
            Assert.Contains("runtimes/linux-x64/native/lib_lightgbm.so", paths);
            Assert.Contains("runtimes/linux-musl-x64/native/libe_sqlite3.so", paths);
            Assert.Contains("runtimes/linux-arm64/native/libsodium.so", paths);
            Assert.DoesNotContain("lib_lightgbm.so", paths);
        }

        [Fact]
        public void A_package_that_links_its_own_files_with_recursive_dir_lands_under_its_private_layout()
        {
            // LLamaSharp.Backend.Cpu's props link LLamaSharpRuntimes/** as runtimes\%(RecursiveDir)...: every RID's files,
            // in the private <rid>/native/<cpu>/ layout that the runtime's own probing never looks into.
            var llama = _app.RidLess.Where(f => f.RelativePath.EndsWith("/libllama.so", StringComparison.Ordinal)).Select(f => f.RelativePath).ToList();
            Assert.Contains("runtimes/linux-musl-x64/native/avx2/libllama.so", llama);
            Assert.Contains("runtimes/linux-x64/native/avx2/libllama.so", llama);
        }

        [Fact]
        public void A_plain_build_after_a_rid_build_leaves_the_other_rid_output_folder_in_place()
        {
            var stale = _app.AfterOtherRid.Where(f => f.RelativePath.StartsWith("linux-musl-x64/", StringComparison.Ordinal) && f.Kind == "elf").ToList();
            Assert.NotEmpty(stale);
            Assert.Contains(stale, f => f.RelativePath == "linux-musl-x64/libe_sqlite3.so");
            var outsideStale = _app.AfterOtherRid.Where(f => !f.RelativePath.StartsWith("linux-musl-x64/", StringComparison.Ordinal)).Select(f => f.RelativePath);
            Assert.Equal(_app.RidLess.Select(f => f.RelativePath), outsideStale);
        }

        [Fact]
        public void A_musl_publish_copies_the_musl_build_where_there_is_one_and_the_glibc_build_where_there_is_none()
        {
            var publish = _app.App.PublishFolder("linux-musl-x64");
            var sqlite = _app.Cache.Facts.ElfFiles.Single(f => f.Package == "SQLitePCLRaw.lib.e_sqlite3" && f.Rid == "linux-musl-x64");
            Assert.Equal(sqlite.Sha256, Sha256(Path.Combine(publish, "libe_sqlite3.so")));
            var lightGbm = _app.Cache.Facts.Single("LightGBM", "lib_lightgbm.so");
            Assert.Equal(LibcFamily.Glibc, lightGbm.Libc);
            Assert.Equal(lightGbm.Sha256, Sha256(Path.Combine(publish, "lib_lightgbm.so")));
        }

        private static string Sha256(string path)
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        }
    }
}
