using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TlsGuard.Core.Caching;

namespace TlsGuard.Tasks.Tests
{
    public class AtomicFileTests
    {
        [Fact]
        public void Unchanged_content_keeps_the_time_stamp()
        {
            using var temp = new TempDirectory();
            var path = temp.Combine("obj/results.tsv");
            Assert.True(AtomicFile.WriteAllTextIfChanged(path, "a\n"));
            var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, stamp);

            Assert.False(AtomicFile.WriteAllTextIfChanged(path, "a\n"));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));

            Assert.True(AtomicFile.WriteAllTextIfChanged(path, "b\n"));
            Assert.Equal("b\n", File.ReadAllText(path));
        }

        [Fact]
        public async System.Threading.Tasks.Task Concurrent_writers_and_readers_never_see_a_torn_file()
        {
            using var temp = new TempDirectory();
            var path = temp.Combine("TlsGuard.cache");
            var contents = Enumerable.Range(0, 4).Select(i => new string((char)('a' + i), 200_000)).ToArray();
            AtomicFile.WriteAllText(path, contents[0]);
            var torn = 0;
            using var stop = new CancellationTokenSource();

            var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var text = File.ReadAllText(path);
                    if (!contents.Contains(text))
                    {
                        Interlocked.Increment(ref torn);
                    }
                }
            })).ToArray();
            var writers = contents.Select(content => Task.Run(() =>
            {
                for (var i = 0; i < 25; i++)
                {
                    AtomicFile.WriteAllText(path, content);
                }
            })).ToArray();

            await Task.WhenAll(writers);
            stop.Cancel();
            await Task.WhenAll(readers);

            Assert.Equal(0, torn);
            Assert.Contains(File.ReadAllText(path), contents);
            Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
        }
    }
}
