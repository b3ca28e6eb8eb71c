using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Scanning
{
    public sealed class FileDiscoveryTests : IDisposable
    {
        private readonly TempDirectory temp = new();
        private readonly byte[] elf = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so"));
        private readonly byte[] archive = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/libtlsobjs.a"));

        public void Dispose() => temp.Dispose();

        [Fact]
        public void Folders_yield_elf_files_and_archives_in_a_stable_order()
        {
            temp.Write("b/libz.so", elf);
            temp.Write("b/liba.so", elf);
            temp.Write("a/deep/er/libdeep.so.1", elf);
            temp.Write("libtop.a", archive);
            temp.Write("README.txt", "not a library"u8.ToArray());
            temp.Write("b/libscript.so", "GROUP ( libz.so )"u8.ToArray());
            temp.Write("b/libempty.so", Array.Empty<byte>());
            temp.MakeFifo("b/libfifo.so");

            List<string> first = FileDiscovery.Enumerate(new[] { temp.Path }).ToList();
            List<string> second = FileDiscovery.Enumerate(new[] { temp.Path }).ToList();

            Assert.Equal(
                new[] { "libtop.a", "a/deep/er/libdeep.so.1", "b/liba.so", "b/libz.so" },
                first.Select(f => Path.GetRelativePath(temp.Path, f).Replace('\\', '/')));
            Assert.Equal(first, second);
        }

        [Fact]
        public async Task Symbolic_link_loops_do_not_trap_the_walk_and_file_links_are_listed()
        {
            temp.Write("lib/libreal.so.1", elf);
            File.CreateSymbolicLink(temp.Combine("lib", "libreal.so"), "libreal.so.1");
            Directory.CreateSymbolicLink(temp.Combine("lib", "loop"), "..");
            Directory.CreateSymbolicLink(temp.Combine("lib", "self"), ".");

            List<string> found = await Task.Run(() => FileDiscovery.Enumerate(new[] { temp.Path }).ToList()).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(
                new[] { "lib/libreal.so", "lib/libreal.so.1" },
                found.Select(f => Path.GetRelativePath(temp.Path, f).Replace('\\', '/')));
        }

        [Fact]
        public void Named_files_are_returned_even_when_not_elf()
        {
            string script = temp.Write("libc.so", "GROUP ( libc.so.6 )"u8.ToArray());
            string library = temp.Write("libie_own.so", elf);

            Assert.Equal(new[] { script, library }, FileDiscovery.Enumerate(new[] { script, library, script }));
        }

        [Fact]
        public void Missing_paths_are_returned_or_handed_to_the_caller()
        {
            string library = temp.Write("libie_own.so", elf);
            string missing = temp.Combine("missing.so");
            var reported = new List<string>();

            Assert.Equal(new[] { missing, library }, FileDiscovery.Enumerate(new[] { missing, library }));
            Assert.Equal(new[] { library }, FileDiscovery.Enumerate(new[] { missing, library }, reported.Add));
            Assert.Equal(new[] { missing }, reported);
        }

        [Fact]
        public void Unlistable_folders_are_skipped()
        {
            temp.Write("open/libopen.so", elf);
            string closed = Path.GetDirectoryName(temp.Write("closed/libclosed.so", elf))!;
            File.SetUnixFileMode(closed, UnixFileMode.None);

            List<string> found = FileDiscovery.Enumerate(new[] { temp.Path }).ToList();

            Assert.Contains(temp.Combine("open", "libopen.so"), found);
            bool canStillList = CanList(closed);
            Assert.Equal(canStillList, found.Contains(temp.Combine("closed", "libclosed.so")));
        }

        [Fact]
        public void Overlapping_roots_list_each_file_once()
        {
            string library = temp.Write("sub/libie_own.so", elf);

            Assert.Equal(new[] { library }, FileDiscovery.Enumerate(new[] { temp.Path, temp.Combine("sub"), library }));
        }

        /// <summary>Root reads folders regardless of their mode; anyone else cannot.</summary>
        private static bool CanList(string folder)
        {
            try
            {
                Directory.GetFiles(folder);
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
