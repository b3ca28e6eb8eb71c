using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files;
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

            Assert.Equal("empty file", (await ScanOne(path)).Error);
            Assert.Equal("empty file (or not a regular file)", (await ScanOne(path, DiskFileSystem.WithoutStatx)).Error);
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

            Assert.Equal("not a regular file: a FIFO (named pipe)", (await ScanOne(path)).Error);
            Assert.False(await Task.Run(() => ElfScanner.LooksLikeElfOrArchive(path)).WaitAsync(Patience));
        }

        /// <summary>Issue 12: the size test looked at the link, not at the FIFO, and the build hung.</summary>
        [Fact]
        public async Task Symbolic_link_to_a_fifo_is_reported_without_blocking()
        {
            temp.MakeFifo("fifo");
            string path = temp.Link("libfifo.so", temp.Combine("fifo"));

            Assert.Equal("not a regular file: a FIFO (named pipe) (through a symbolic link)", (await ScanOne(path)).Error);
            Assert.Equal("empty file (or not a regular file)", (await ScanOne(path, DiskFileSystem.WithoutStatx)).Error);
            Assert.False(await Task.Run(() => ElfScanner.LooksLikeElfOrArchive(path)).WaitAsync(Patience));
        }

        [Theory]
        [InlineData("/dev/null")]
        [InlineData("/dev/zero")]
        public async Task Devices_and_links_to_them_are_refused(string device)
        {
            string link = temp.Link("libdevice.so", device);

            Assert.Equal("not a regular file: a character device", (await ScanOne(device)).Error);
            Assert.Equal("not a regular file: a character device (through a symbolic link)", (await ScanOne(link)).Error);
            Assert.Equal("empty file (or not a regular file)", (await ScanOne(link, DiskFileSystem.WithoutStatx)).Error);
        }

        [Fact]
        public async Task Sockets_and_links_to_them_are_refused()
        {
            using var socket = temp.MakeSocket("libsocket.so");
            string link = temp.Link("liblink.so", temp.Combine("libsocket.so"));

            Assert.Equal("not a regular file: a socket", (await ScanOne(temp.Combine("libsocket.so"))).Error);
            Assert.Equal("not a regular file: a socket (through a symbolic link)", (await ScanOne(link)).Error);
            Assert.Equal("empty file (or not a regular file)", (await ScanOne(link, DiskFileSystem.WithoutStatx)).Error);
        }

        [Fact]
        public async Task Link_loops_and_dangling_links_are_reported()
        {
            string a = temp.Link("liba.so", temp.Combine("libb.so"));
            temp.Link("libb.so", a);
            string dangling = temp.Link("libgone.so", temp.Combine("nothing.so"));

            Assert.Equal("too many levels of symbolic links (a link loop)", (await ScanOne(a)).Error);
            Assert.Equal("file not found (a symbolic link to nothing)", (await ScanOne(dangling)).Error);
            Assert.StartsWith("file not found", (await ScanOne(a, DiskFileSystem.WithoutStatx)).Error);
        }

        [Fact]
        public async Task A_library_through_a_symbolic_link_is_read()
        {
            temp.Write("lib/libie_own.so.1", File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so")));
            string link = temp.Link("lib/libie_own.so", "libie_own.so.1");

            Assert.Null((await ScanOne(link)).Error);
            Assert.Null((await ScanOne(link, DiskFileSystem.WithoutStatx)).Error);
        }

        /// <summary>The type and identity are checked again on the opened descriptor: a file swapped after the check is refused.</summary>
        [Fact]
        public void A_file_replaced_between_the_check_and_the_open_is_refused()
        {
            string checkedFile = temp.Write("libchecked.so", File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so")));
            string opened = temp.Write("libopened.so", File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so")));
            FileStatus before = DiskFileSystem.Instance.Status(checkedFile);

            using IByteSource? stream = LinuxFileStatus.OpenRegular(opened, before, out string? error);

            Assert.Null(stream);
            Assert.Equal("the file was replaced while it was being opened", error);
            using IByteSource? same = LinuxFileStatus.OpenRegular(checkedFile, before, out error);
            Assert.NotNull(same);
            Assert.Null(error);
            Assert.Equal(new FileInfo(checkedFile).Length, same!.Length);
        }

        /// <summary>One run's view of the disk asks each path once; a file replaced since is still refused when opened.</summary>
        [Fact]
        public void A_run_remembers_each_status_and_still_refuses_a_file_replaced_since()
        {
            string path = temp.Write("libonce.so", File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so")));
            var run = DiskFileSystem.ForOneRun();
            FileStatus first = run.Status(path);

            string replacement = temp.Write("libreplacement.so", File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libgd.so")));
            File.Move(replacement, path, overwrite: true);

            Assert.Equal(first, run.Status(path));
            Assert.NotEqual(first.Identity, DiskFileSystem.Instance.Status(path).Identity);
            using IByteSource? opened = run.OpenRead(path, out string? error);
            Assert.Null(opened);
            Assert.Equal("the file was replaced while it was being opened", error);
            using IByteSource? fresh = DiskFileSystem.ForOneRun().OpenRead(path, out error);
            Assert.NotNull(fresh);
        }

        [Fact]
        public void Identity_is_the_device_and_inode_stat_reports()
        {
            string path = temp.Write("libie_own.so", File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so")));
            string[] stat = ChildProcess.Run("stat", new[] { "-c", "%d %i %s", path }).Output.Trim().Split(' ');

            FileStatus status = DiskFileSystem.Instance.Status(path);

            Assert.True(DiskFileSystem.Instance.SeesFileTypes);
            Assert.Equal(ulong.Parse(stat[0]), status.Identity.Device);
            Assert.Equal(ulong.Parse(stat[1]), status.Identity.Inode);
            Assert.Equal(long.Parse(stat[2]), status.Length);
            Assert.Equal(File.GetLastWriteTimeUtc(path).Ticks, status.LastWriteTimeUtcTicks);
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
        private static async Task<ElfScanResult> ScanOne(string path, IFileSystem? fileSystem = null)
        {
            IReadOnlyList<ElfScanResult> results = await Task.Run(() => ElfScanner.Scan(fileSystem ?? DiskFileSystem.Instance, path)).WaitAsync(Patience);
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
