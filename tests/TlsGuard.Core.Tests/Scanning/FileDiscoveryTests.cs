using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Scanning
{
    public sealed class FileDiscoveryTests : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
        private readonly TempDirectory temp = new();
        private readonly byte[] elf = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so"));
        private readonly byte[] archive = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libtlsobjs.a"));

        public void Dispose() => temp.Dispose();

        [Fact]
        public async Task Folders_yield_elf_files_and_archives_in_a_stable_order_and_count_what_they_skip()
        {
            temp.Write("b/libz.so", elf);
            temp.Write("b/liba.so", elf);
            temp.Write("a/deep/er/libdeep.so.1", elf);
            temp.Write("libtop.a", archive);
            temp.Write("README.txt", "not a library"u8.ToArray());
            temp.Write("b/libscript.so", "GROUP ( libz.so )"u8.ToArray());
            temp.Write("b/libempty.so", Array.Empty<byte>());
            temp.MakeFifo("b/libfifo.so");

            DiscoveryResult first = await Discover(temp.Path);
            DiscoveryResult second = await Discover(temp.Path);

            Assert.Equal(
                new[] { "libtop.a", "a/deep/er/libdeep.so.1", "b/liba.so", "b/libfifo.so: not a regular file: a FIFO (named pipe)", "b/libz.so" },
                Describe(first));
            Assert.Equal(3, first.SkippedNonElfFiles);
            Assert.Equal(Describe(first), Describe(second));
        }

        [Fact]
        public async Task Symbolic_link_loops_do_not_trap_the_walk_and_file_links_are_listed()
        {
            temp.Write("lib/libreal.so.1", elf);
            File.CreateSymbolicLink(temp.Combine("lib", "libreal.so"), "libreal.so.1");
            Directory.CreateSymbolicLink(temp.Combine("lib", "loop"), "..");
            Directory.CreateSymbolicLink(temp.Combine("lib", "self"), ".");

            DiscoveryResult found = await Discover(temp.Path);

            Assert.Equal(new[] { "lib/libreal.so", "lib/libreal.so.1" }, Describe(found));
            Assert.Equal(2, found.FolderLinksNotFollowed);
        }

        [Fact]
        public async Task Links_to_special_files_dangling_links_and_link_loops_are_entries_with_their_error()
        {
            temp.MakeFifo("fifo");
            temp.Link("lib/libfifo.so", temp.Combine("fifo"));
            temp.Link("lib/libnull.so", "/dev/null");
            temp.Link("lib/libgone.so", temp.Combine("nothing-here.so"));
            temp.Link("lib/libloop_a.so", temp.Combine("lib", "libloop_b.so"));
            temp.Link("lib/libloop_b.so", temp.Combine("lib", "libloop_a.so"));
            using var socket = temp.MakeSocket("lib/libsocket.so");

            DiscoveryResult found = await Discover(temp.Combine("lib"));

            Assert.Equal(
                new[]
                {
                    "libfifo.so: not a regular file: a FIFO (named pipe) (through a symbolic link)",
                    "libgone.so: file not found (a symbolic link to nothing)",
                    "libloop_a.so: too many levels of symbolic links (a link loop)",
                    "libloop_b.so: too many levels of symbolic links (a link loop)",
                    "libnull.so: not a regular file: a character device (through a symbolic link)",
                    "libsocket.so: not a regular file: a socket",
                },
                Describe(found, temp.Combine("lib")));
        }

        [Fact]
        public async Task A_library_below_a_path_longer_than_path_max_is_an_entry_with_its_error()
        {
            (string deepFile, string top) = temp.MakeTooLongPath(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so"), "libdeep.so");
            try
            {
                temp.Write("libshallow.so", elf);

                DiscoveryResult found = await Discover(temp.Path);

                DiscoveredFile tooLong = Assert.Single(found.Files, f => f.Error != null);
                Assert.StartsWith(top, tooLong.Path);
                Assert.StartsWith(tooLong.Path, deepFile);
                Assert.Matches("^path too long \\(\\d+ bytes; the limit is 4096, PATH_MAX, with 255 per name\\)$", tooLong.Error);
                Assert.Contains(found.Files, f => f.Path == temp.Combine("libshallow.so") && f.Error == null);
                Assert.Matches("^path too long \\(\\d+ bytes; ", Assert.Single(ElfScanner.Scan(deepFile)).Error);
            }
            finally
            {
                SpecialFiles.RemoveTree(top);
            }
        }

        [Fact]
        public void A_folder_that_cannot_be_listed_and_entries_that_fail_or_vanish_are_entries_with_their_error()
        {
            string closed = Path.GetDirectoryName(temp.Write("closed/libclosed.so", elf))!;
            string denied = temp.Write("open/libdenied.so", elf);
            string vanished = temp.Write("open/libvanished.so", elf);
            string unopenable = temp.Write("open/libunopenable.so", elf);
            temp.Write("open/libfine.so", elf);
            var fileSystem = new InjectedFileSystem();
            fileSystem.ListErrors[closed] = "permission denied";
            fileSystem.Statuses[denied] = FileStatus.Failed(FileKind.Unreadable, "permission denied");
            fileSystem.Statuses[vanished] = FileStatus.Failed(FileKind.Missing, "file not found");
            fileSystem.OpenErrors[unopenable] = "permission denied";

            DiscoveryResult found = FileDiscovery.Discover(new[] { temp.Path }, fileSystem, null);

            Assert.Equal(
                new[]
                {
                    "closed: folder cannot be listed: permission denied",
                    "open/libdenied.so: permission denied",
                    "open/libfine.so",
                    "open/libunopenable.so: permission denied",
                    "open/libvanished.so: vanished during the folder walk",
                },
                Describe(found));
        }

        [Fact]
        public void Walk_errors_reach_the_scan_as_unreadable_results()
        {
            string closed = Path.GetDirectoryName(temp.Write("closed/libclosed.so", elf))!;
            string fine = temp.Write("libfine.so", elf);
            var fileSystem = new InjectedFileSystem();
            fileSystem.ListErrors[closed] = "permission denied";
            DiscoveryResult found = FileDiscovery.Discover(new[] { temp.Path }, fileSystem, null);
            var source = new DiscoveryScanSource(found.Files, new FixedScanSource());

            Assert.Equal("folder cannot be listed: permission denied", Assert.Single(source.Scan(closed)).Error);
            Assert.Null(Assert.Single(source.Scan(fine)).Error);
        }

        [Fact]
        public void Named_files_are_returned_even_when_not_elf()
        {
            string script = temp.Write("libc.so", "GROUP ( libc.so.6 )"u8.ToArray());
            string library = temp.Write("libie_own.so", elf);

            Assert.Equal(new[] { script, library }, FileDiscovery.Discover(new[] { script, library, script }).Files.Select(f => f.Path));
        }

        [Fact]
        public void Missing_paths_are_returned_or_handed_to_the_caller()
        {
            string library = temp.Write("libie_own.so", elf);
            string missing = temp.Combine("missing.so");
            var reported = new List<string>();

            Assert.Equal(new[] { missing, library }, FileDiscovery.Discover(new[] { missing, library }).Files.Select(f => f.Path));
            Assert.Equal(new[] { library }, FileDiscovery.Discover(new[] { missing, library }, DiskFileSystem.Instance, reported.Add).Files.Select(f => f.Path));
            Assert.Equal(new[] { missing }, reported);
        }

        [Fact]
        public void Overlapping_roots_list_each_file_once()
        {
            string library = temp.Write("sub/libie_own.so", elf);

            Assert.Equal(new[] { library }, FileDiscovery.Discover(new[] { temp.Path, temp.Combine("sub"), library }).Files.Select(f => f.Path));
        }

        private async Task<DiscoveryResult> Discover(string root) =>
            await Task.Run(() => FileDiscovery.Discover(new[] { root })).WaitAsync(Patience);

        private List<string> Describe(DiscoveryResult result, string? root = null) =>
            result.Files.Select(f => Path.GetRelativePath(root ?? temp.Path, f.Path).Replace('\\', '/') + (f.Error == null ? "" : ": " + f.Error)).ToList();

        private sealed class FixedScanSource : IScanSource
        {
            public IReadOnlyList<ElfScanResult> Scan(string path) => new[] { new ElfScanResult { Path = path } };
        }
    }
}
