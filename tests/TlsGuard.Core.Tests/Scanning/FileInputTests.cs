using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>Paths that are not readable ELF files: each gives one result with a reason, and nothing blocks.</summary>
    public sealed class FileInputTests : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
        private readonly TempDirectory temp = new();

        public void Dispose() => temp.Dispose();

        [Fact]
        public async Task Linker_script_named_so_is_not_an_elf_file()
        {
            string path = temp.Write("libc.so", "/* GNU ld script */\nGROUP ( /lib/libc.so.6 )\n"u8.ToArray());

            Assert.Equal("not an ELF file or ar archive", (await ScanOne(path)).Error);
            Assert.False(ElfScanner.LooksLikeElfOrArchive(path));
        }

        [Fact]
        public async Task Empty_file_is_reported()
        {
            string path = temp.Write("libempty.so", Array.Empty<byte>());

            Assert.Equal("empty file (or not a regular file)", (await ScanOne(path)).Error);
        }

        [Fact]
        public async Task Directory_named_so_is_reported()
        {
            string path = temp.Combine("libdir.so");
            Directory.CreateDirectory(path);

            Assert.Equal("is a directory", (await ScanOne(path)).Error);
            Assert.False(ElfScanner.LooksLikeElfOrArchive(path));
        }

        [Fact]
        public async Task Fifo_is_reported_without_waiting_for_a_writer()
        {
            string path = temp.MakeFifo("libfifo.so");

            Assert.Equal("empty file (or not a regular file)", (await ScanOne(path)).Error);
            Assert.False(await Task.Run(() => ElfScanner.LooksLikeElfOrArchive(path)).WaitAsync(Patience));
        }

        [Fact]
        public async Task Missing_file_is_reported()
        {
            Assert.Equal("file not found", (await ScanOne(temp.Combine("nope.so"))).Error);
            Assert.Equal("file not found", (await ScanOne(temp.Combine("no-folder", "nope.so"))).Error);
        }

        [Fact]
        public async Task Short_file_with_elf_magic_is_truncated()
        {
            string path = temp.Write("libshort.so", new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1 });

            Assert.Equal("file too short for an ELF identification", (await ScanOne(path)).Error);
            Assert.True(ElfScanner.LooksLikeElfOrArchive(path));
        }

        [Fact]
        public async Task Scan_closes_the_file_before_returning()
        {
            string path = temp.Write("libie_own.so", File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so")));
            string archive = temp.Write("libtlsobjs.a", File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libtlsobjs.a")));

            Assert.Null((await ScanOne(path)).Error);
            Assert.Equal(3, ElfScanner.Scan(archive).Count);
            Assert.True(ElfScanner.LooksLikeElfOrArchive(path));

            Assert.DoesNotContain(OpenFiles(), target => target == path || target == archive);
        }

        /// <summary>Scans on a pool thread so a scan that blocks fails the test (TimeoutException) instead of hanging it.</summary>
        private static async Task<ElfScanResult> ScanOne(string path)
        {
            IReadOnlyList<ElfScanResult> results = await Task.Run(() => ElfScanner.Scan(path)).WaitAsync(Patience);
            ElfScanResult result = Assert.Single(results);
            Assert.Equal(path, result.Path);
            return result;
        }

        /// <summary>What this process's file descriptors point at (Linux /proc).</summary>
        private static List<string> OpenFiles()
        {
            var targets = new List<string>();
            foreach (string fd in Directory.GetFileSystemEntries("/proc/self/fd"))
            {
                try
                {
                    string? target = new FileInfo(fd).LinkTarget;
                    if (target != null)
                    {
                        targets.Add(target);
                    }
                }
                catch (IOException)
                {
                    // The descriptor closed while listing.
                }
            }

            return targets;
        }
    }
}
