using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>
    /// Windows and Apple build outputs met in folders of native assets (tests/fixtures/foreign, built by its build.sh
    /// with LLVM): a folder walk skips them and counts them; named explicitly, each is reported as what it is.
    /// </summary>
    public sealed class ForeignFileTests : IDisposable
    {
        private static readonly string[] Foreign = { "foreign_import.lib", "foreign_static.lib", "libforeign_ios.a", "foreign_ios.o" };
        private readonly TempDirectory temp = new();

        public void Dispose() => temp.Dispose();

        [Fact]
        public void A_folder_walk_skips_windows_and_ios_libraries_without_a_finding_and_counts_them()
        {
            foreach (string name in Foreign)
            {
                temp.Copy(ForeignFixture(name), "native/" + name);
            }

            string elf = temp.Copy(RepositoryRoot.Fixture("x86_64-gcc/libie_own.so"), "native/libie_own.so");

            DiscoveryResult found = FileDiscovery.Discover(new[] { temp.Path });

            Assert.Equal(new[] { elf }, found.Files.Select(f => f.Path));
            Assert.Equal(Foreign.Length, found.SkippedNonElfFiles);
        }

        [Theory]
        [InlineData("foreign_import.lib", "COFF import object(s) (a Windows import library)")]
        [InlineData("foreign_static.lib", "COFF object(s) (Windows)")]
        [InlineData("libforeign_ios.a", "Mach-O object(s) (Apple platforms)")]
        public void A_foreign_archive_named_explicitly_says_what_it_holds(string name, string kind)
        {
            string path = ForeignFixture(name);
            // GNU ar lists a BSD archive's symbol index ("__.SYMDEF") as a member; it holds no code.
            int members = ChildProcess.Run("ar", new[] { "t", path }).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Count(member => !member.StartsWith("__.SYMDEF", StringComparison.Ordinal));

            ElfScanResult result = Assert.Single(ElfScanner.Scan(path));

            Assert.StartsWith("ar archive without ELF members: ", result.Error);
            Assert.Contains(kind, result.Error);
            int counted = result.Error!.Substring("ar archive without ELF members: ".Length).Split(", ").Sum(part => int.Parse(part.Split(' ')[0]));
            Assert.Equal(members, counted);
        }

        [Fact]
        public void A_mach_o_object_named_explicitly_is_not_elf()
        {
            Assert.Equal("not an ELF file: a Mach-O object (Apple platforms)", Assert.Single(ElfScanner.Scan(ForeignFixture("foreign_ios.o"))).Error);
        }

        [Fact]
        public void An_archive_with_one_elf_member_among_foreign_ones_is_scanned_and_kept_by_the_walk()
        {
            byte[] coff = File.ReadAllBytes(ForeignFixture("foreign_ios.o"));
            byte[] elf = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc/ie.o"));
            string path = temp.Write("mixed/libmixed.a", Archive(("foreign.o", coff), ("ie.o", elf)));

            ElfScanResult result = Assert.Single(ElfScanner.Scan(path));

            Assert.Equal("ie.o", result.ArchiveMember);
            Assert.Null(result.Error);
            Assert.Equal(new[] { path }, FileDiscovery.Discover(new[] { temp.Combine("mixed") }).Files.Select(f => f.Path));
        }

        private static string ForeignFixture(string name) => Path.Combine(RepositoryRoot.Fixtures, "foreign", name);

        private static byte[] Archive(params (string Name, byte[] Data)[] members)
        {
            var bytes = new List<byte>(System.Text.Encoding.ASCII.GetBytes("!<arch>\n"));
            foreach ((string name, byte[] data) in members)
            {
                bytes.AddRange(System.Text.Encoding.ASCII.GetBytes((name + "/").PadRight(16) + "0".PadRight(12) + "0".PadRight(6) + "0".PadRight(6) + "644".PadRight(8) + data.Length.ToString().PadRight(10) + "`\n"));
                bytes.AddRange(data);
                if (data.Length % 2 == 1)
                {
                    bytes.Add((byte)'\n');
                }
            }

            return bytes.ToArray();
        }
    }
}
