using System.IO;
using System.Linq;
using TlsGuard.Core.Caching;

namespace TlsGuard.Tasks.Tests
{
    public class ScanCacheTests
    {
        [Fact]
        public void A_second_session_reads_nothing_when_files_are_unchanged()
        {
            using var temp = new TempDirectory();
            var library = temp.Write("libfoo.so", "ELF-ish");
            var cacheFile = temp.Combine("obj/TlsGuard.cache");

            var firstInner = new CountingScanSource();
            var firstCache = ScanCache.Load(cacheFile, "v1");
            var first = new CachingScanSource(firstInner, firstCache);
            first.Scan(library);
            first.Scan(library);
            Assert.Equal((1, 0), (first.ReadCount, first.CacheHitCount));
            Assert.Single(firstInner.Calls);
            Assert.True(firstCache.Save(cacheFile));

            var secondInner = new CountingScanSource();
            var second = new CachingScanSource(secondInner, ScanCache.Load(cacheFile, "v1"));
            var results = second.Scan(library);

            Assert.Empty(secondInner.Calls);
            Assert.Equal((0, 1), (second.ReadCount, second.CacheHitCount));
            Assert.Equal(library, results.Single().Path);
            Assert.Equal(2632, results.Single().TlsBlock!.Size);
            Assert.Equal(1, results.Single().StaticTlsRelocations["R_X86_64_TPOFF64"]);
        }

        [Fact]
        public void A_changed_file_is_read_again()
        {
            using var temp = new TempDirectory();
            var library = temp.Write("libfoo.so", "one");
            var cacheFile = temp.Combine("TlsGuard.cache");
            var cache = ScanCache.Load(cacheFile, "v1");
            new CachingScanSource(new CountingScanSource(), cache).Scan(library);
            cache.Save(cacheFile);

            File.WriteAllText(library, "two, longer");
            var inner = new CountingScanSource();
            var source = new CachingScanSource(inner, ScanCache.Load(cacheFile, "v1"));
            source.Scan(library);

            Assert.Equal(new[] { library }, inner.Calls);
            Assert.Equal(1, source.ReadCount);
        }

        [Fact]
        public void A_new_time_stamp_alone_invalidates_the_entry()
        {
            using var temp = new TempDirectory();
            var library = temp.Write("libfoo.so", "same");
            var cacheFile = temp.Combine("TlsGuard.cache");
            var cache = ScanCache.Load(cacheFile, "v1");
            new CachingScanSource(new CountingScanSource(), cache).Scan(library);
            cache.Save(cacheFile);

            File.SetLastWriteTimeUtc(library, File.GetLastWriteTimeUtc(library).AddSeconds(5));
            var inner = new CountingScanSource();
            new CachingScanSource(inner, ScanCache.Load(cacheFile, "v1")).Scan(library);

            Assert.Single(inner.Calls);
        }

        [Fact]
        public void A_file_replaced_by_one_of_the_same_size_and_time_stamp_is_read_again()
        {
            using var temp = new TempDirectory();
            var library = temp.Write("libfoo.so", "same");
            var time = File.GetLastWriteTimeUtc(library);
            var cacheFile = temp.Combine("TlsGuard.cache");
            var cache = ScanCache.Load(cacheFile, "v1");
            new CachingScanSource(new CountingScanSource(), cache).Scan(library);
            cache.Save(cacheFile);

            var replacement = temp.Write("libfoo.so.new", "same");
            File.SetLastWriteTimeUtc(replacement, time);
            File.Move(replacement, library, overwrite: true);
            var inner = new CountingScanSource();
            new CachingScanSource(inner, ScanCache.Load(cacheFile, "v1")).Scan(library);

            Assert.Equal(time, File.GetLastWriteTimeUtc(library));
            Assert.Single(inner.Calls);
        }

        [Fact]
        public void Another_tool_version_discards_the_cache()
        {
            using var temp = new TempDirectory();
            var library = temp.Write("libfoo.so", "x");
            var cacheFile = temp.Combine("TlsGuard.cache");
            var cache = ScanCache.Load(cacheFile, "v1");
            new CachingScanSource(new CountingScanSource(), cache).Scan(library);
            cache.Save(cacheFile);

            Assert.Equal(1, ScanCache.Load(cacheFile, "v1").Count);
            Assert.Equal(0, ScanCache.Load(cacheFile, "v2").Count);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{")]
        [InlineData("[1,2]")]
        [InlineData("{\"format\":1,\"toolVersion\":\"v1\",\"entries\":[{\"path\":\"/x\"}]}")]
        [InlineData("{\"format\":1,\"toolVersion\":\"v1\",\"entries\":[{\"path\":\"/x\",\"length\":1,\"lastWriteTicks\":\"12\",\"results\":[{\"machine\":\"x\"}]}]}")]
        [InlineData("{\"format\":99,\"toolVersion\":\"v1\",\"entries\":[]}")]
        public void A_corrupt_or_foreign_cache_is_ignored(string content)
        {
            using var temp = new TempDirectory();
            var cacheFile = temp.Write("TlsGuard.cache", content);

            Assert.Equal(0, ScanCache.Load(cacheFile, "v1").Count);
        }

        [Fact]
        public void Unreadable_files_are_not_remembered()
        {
            using var temp = new TempDirectory();
            var library = temp.Write("libbad.so", "x");
            var cache = new ScanCache("v1");
            var inner = new CountingScanSource { Error = "truncated ELF header" };
            var source = new CachingScanSource(inner, cache);

            source.Scan(library);
            source.Scan(library);

            Assert.Equal(0, cache.Count);
            Assert.Equal(2, inner.Calls.Count);
        }

        [Fact]
        public void Missing_files_go_to_the_scanner_and_are_not_remembered()
        {
            using var temp = new TempDirectory();
            var cache = new ScanCache("v1");
            var inner = new CountingScanSource();
            var source = new CachingScanSource(inner, cache);

            source.Scan(temp.Combine("gone.so"));

            Assert.Single(inner.Calls);
            Assert.Equal(0, cache.Count);
        }

        [Fact]
        public void Entries_of_deleted_files_are_pruned_and_unused_live_ones_kept()
        {
            using var temp = new TempDirectory();
            var kept = temp.Write("libkept.so", "k");
            var deleted = temp.Write("libdeleted.so", "d");
            var cacheFile = temp.Combine("TlsGuard.cache");
            var cache = ScanCache.Load(cacheFile, "v1");
            var source = new CachingScanSource(new CountingScanSource(), cache);
            source.Scan(kept);
            source.Scan(deleted);
            cache.Save(cacheFile);

            File.Delete(deleted);
            var reloaded = ScanCache.Load(cacheFile, "v1");
            Assert.True(reloaded.Save(cacheFile));

            var final = ScanCache.Load(cacheFile, "v1");
            Assert.Equal(1, final.Count);
            Assert.Contains(Path.GetFullPath(kept), final.Serialize());
        }

        [Fact]
        public void An_unchanged_cache_is_not_rewritten()
        {
            using var temp = new TempDirectory();
            var library = temp.Write("libfoo.so", "x");
            var cacheFile = temp.Combine("TlsGuard.cache");
            var cache = ScanCache.Load(cacheFile, "v1");
            new CachingScanSource(new CountingScanSource(), cache).Scan(library);
            Assert.True(cache.Save(cacheFile));

            var reloaded = ScanCache.Load(cacheFile, "v1");
            new CachingScanSource(new CountingScanSource(), reloaded).Scan(library);
            Assert.False(reloaded.Save(cacheFile));
            Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
        }
    }
}
