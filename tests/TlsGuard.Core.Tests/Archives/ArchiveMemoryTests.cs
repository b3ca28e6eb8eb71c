using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Discovery;
using static TlsGuard.Core.Tests.Archives.ArchiveTesting;

namespace TlsGuard.Core.Tests.Archives
{
    /// <summary>Streams are read once, within the memory budget; beyond it, one unlinked spill file; equal contents once.</summary>
    public sealed class ArchiveMemoryTests
    {
        private const int MiB = 1024 * 1024;

        private static GeneratedArchives Archives => GeneratedArchives.Hostile;

        [Fact]
        public void Sixty_four_mebibytes_of_non_elf_data_pass_through_a_stream_without_being_kept()
        {
            using var files = new ArchiveFileSystem();
            long allocated = 0;
            using (var stream = Unseekable(Archives["zeros.tgz"]))
            {
                allocated = AllocatedBy(() => files.AddStream(stream));
            }

            Assert.True(allocated < MiB / 2, "streaming 64 MiB allocated " + allocated + " bytes");
            Assert.Equal(Fixture("x86_64-gcc/libie_own.so"), ReadAll(files, "/dev/stdin!/usr/lib/libie_own.so"));
            Assert.Equal(Fixture("x86_64-gcc/libie_own.so").Length, files.KeptInMemoryBytes);
        }

        [Fact]
        public void Past_the_memory_budget_contents_go_to_one_unlinked_spill_file_and_equal_contents_are_kept_once()
        {
            var files = new ArchiveFileSystem(new ArchiveLimits { MemoryBytes = 2 * MiB });
            var tgz = Archives["many-elf.tgz"];
            ArchiveDiscovery? found = null;

            long allocated = AllocatedBy(() => found = ArchiveInputs.Discover(files, tgz));

            Assert.Equal(2 * MiB, files.KeptInMemoryBytes);
            Assert.Equal(4 * MiB, files.SpilledBytes);
            Assert.True(allocated < 2 * MiB + (MiB / 2), "keeping 7 MiB within a 2 MiB budget allocated " + allocated + " bytes");
            Assert.Equal(7, found!.Inputs.Count);
            Assert.Equal(ReadAll(files, tgz + "!/usr/lib/lib0.so"), ReadAll(files, tgz + "!/usr/lib/copy-of-0.so"));
            Assert.Equal(0x7f, ReadAll(files, tgz + "!/usr/lib/lib5.so")[0]);
            if (OperatingSystem.IsLinux())
            {
                Assert.Equal(new[] { "(deleted)" }, SpillFiles().Select(target => target.Substring(target.LastIndexOf(' ') + 1)));
            }

            files.Dispose();
            if (OperatingSystem.IsLinux())
            {
                Assert.Empty(SpillFiles());
            }
        }

        [Fact]
        public void Past_both_budgets_files_are_reported_as_not_kept()
        {
            using var files = new ArchiveFileSystem(new ArchiveLimits { MemoryBytes = MiB, SpillBytes = MiB });
            var tgz = Archives["many-elf.tgz"];

            var found = ArchiveInputs.Discover(files, tgz);

            Assert.Equal(4, found.Problems.Count);
            Assert.All(found.Problems, problem => Assert.Equal("not kept: the 2097152 bytes allowed for files kept from archives are spent", problem.Message));
            Assert.Equal(7, found.Inputs.Count);
        }

        [Fact]
        public void Nothing_is_written_to_disk_within_the_memory_budget()
        {
            using var files = new ArchiveFileSystem();

            ArchiveInputs.Discover(files, Archives["many-elf.tgz"]);

            Assert.Equal(0, files.SpilledBytes);
            if (OperatingSystem.IsLinux())
            {
                Assert.Empty(SpillFiles());
            }
        }

        /// <summary>This process's open spill files, as /proc/self/fd shows them ("/tmp/tlsguard-spill-X.tmp (deleted)").</summary>
        private static List<string> SpillFiles()
        {
            var targets = new List<string>();
            foreach (var descriptor in Directory.GetFiles("/proc/self/fd"))
            {
                try
                {
                    var target = new FileInfo(descriptor).LinkTarget;
                    if (target != null && target.Contains("tlsguard-spill-", StringComparison.Ordinal))
                    {
                        targets.Add(target);
                    }
                }
                catch (IOException)
                {
                    // The descriptor closed while being listed.
                }
            }

            return targets;
        }
    }
}
