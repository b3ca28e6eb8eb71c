using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;
using Xunit.Abstractions;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>
    /// The crafted shapes of issue 12, written by tests/fixtures/hostile/make_hostile.py: each scan gives its documented
    /// result or error within the allocation budget of a file up to 16 MB (64 MB), measured on this thread.
    /// </summary>
    public sealed class HostileInputTests : IClassFixture<HostileInputTests.Inputs>
    {
        private const long Budget = 64L * 1024 * 1024;
        private readonly Inputs inputs;
        private readonly ITestOutputHelper output;

        public HostileInputTests(Inputs inputs, ITestOutputHelper output)
        {
            this.inputs = inputs;
            this.output = output;
        }

        [Fact]
        public void A_dt_needed_name_longer_than_path_max_fails_the_scan()
        {
            ElfScanResult result = Assert.Single(Scan("needed_long.so", out _));

            Assert.Matches("^DT_NEEDED name at offset \\d+ is longer than 4096 bytes$", result.Error);
        }

        [Fact]
        public void Sixteen_thousand_dt_needed_entries_naming_one_string_read_it_once_and_keep_the_cap()
        {
            string path = inputs.Path("needed_repeated.so");
            int readelfCount = Readelf.Run("-dW", path).Split('\n').Count(line => line.Contains("(NEEDED)", StringComparison.Ordinal));

            ElfScanResult result = Assert.Single(Scan("needed_repeated.so", out long allocated));

            Assert.Null(result.Error);
            Assert.Equal(16000, readelfCount);
            Assert.Equal(readelfCount, result.NeededTotal);
            Assert.Equal(ScanLimits.Needed, result.Needed.Count);
            Assert.All(result.Needed, name => Assert.Same(result.Needed[0], name));
            Assert.True(allocated < 4 * 1024 * 1024, "one 4 KB name, yet " + allocated + " bytes allocated");
        }

        [Fact]
        public void A_symbol_name_longer_than_the_limit_fails_the_scan()
        {
            ElfScanResult result = Assert.Single(Scan("tpoff_long_symbol.so", out _));

            Assert.Matches("^symbol name at offset \\d+ is longer than 16384 bytes$", result.Error);
        }

        [Fact]
        public void Four_thousand_symbols_with_one_long_name_are_one_static_tls_symbol()
        {
            string path = inputs.Path("tpoff_shared_symbol.so");

            ElfScanResult result = Assert.Single(Scan("tpoff_shared_symbol.so", out _));

            Assert.Null(result.Error);
            Assert.Equal(Readelf.RelocationCounts(path, "-rWD"), result.StaticTlsRelocations.ToDictionary(p => p.Key, p => p.Value));
            StaticTlsSymbol symbol = Assert.Single(result.StaticTlsSymbols);
            Assert.Equal(12000, symbol.Name!.Length);
            Assert.False(symbol.DefinedHere);
            Assert.Equal(4000, symbol.RelocationCount);
        }

        [Fact]
        public void Overlapping_symbol_names_exhaust_the_name_budget()
        {
            ElfScanResult result = Assert.Single(Scan("tpoff_suffix_symbols.so", out _));

            Assert.StartsWith("the names in this file exceed the scan budget", result.Error);
        }

        [Fact]
        public void A_hundred_symtab_headers_over_one_table_read_it_once()
        {
            ElfScanResult result = Assert.Single(Scan("symtab_100_headers.o", out _));

            Assert.Null(result.Error);
            Assert.Equal(new[] { "tls_here" }, result.DefinedTlsSymbols);
            Assert.Equal(1, result.DefinedTlsSymbolsTotal);
            Assert.Equal(new Dictionary<string, int> { ["R_X86_64_GOTTPOFF"] = 4 }, result.StaticTlsRelocations);
        }

        [Fact]
        public void Eight_thousand_rela_headers_over_one_table_count_its_relocations_once()
        {
            // readelf -r would list all 320 million; its section table gives each header's size and entry size.
            string path = inputs.Path("rela_8000_headers.o");
            List<string[]> sections = Readelf.Run("-SW", path).Split('\n')
                .Where(line => line.Contains(" RELA ", StringComparison.Ordinal))
                .Select(line => line.Substring(line.IndexOf("RELA", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToList();
            HashSet<long> entriesPerHeader = sections.Select(f => Convert.ToInt64(f[3], 16) / Convert.ToInt64(f[4], 16)).ToHashSet();

            ElfScanResult result = Assert.Single(Scan("rela_8000_headers.o", out _));

            Assert.Null(result.Error);
            Assert.Equal(8000, sections.Count);
            Assert.Equal(entriesPerHeader.Single(), result.StaticTlsRelocations["R_X86_64_GOTTPOFF"]);
            Assert.Equal(40000, result.StaticTlsSymbols.Single().RelocationCount);
        }

        [Fact]
        public void Relocation_sections_that_partly_overlap_are_a_corrupt_file()
        {
            ElfScanResult result = Assert.Single(Scan("rela_overlapping.o", out _));

            Assert.Equal("relocation sections [6] and [7] overlap", result.Error);
        }

        [Fact]
        public void An_unterminated_gnu_long_name_table_fails_at_the_first_member()
        {
            ElfScanResult result = Assert.Single(Scan("gnu_long_names_unterminated.a", out _));

            Assert.Equal("archive long name /0 is longer than 4096 bytes", result.Error);
        }

        [Fact]
        public void Two_thousand_gnu_long_names_resolve_each_once()
        {
            string path = inputs.Path("gnu_long_names_many.a");
            List<string> readelfMembers = Readelf.Run("-hW", path).Split('\n')
                .Where(line => line.StartsWith("File: ", StringComparison.Ordinal))
                .Select(line => line.Substring(line.LastIndexOf('(') + 1).TrimEnd(')'))
                .ToList();

            IReadOnlyList<ElfScanResult> results = Scan("gnu_long_names_many.a", out _);

            Assert.Equal(2000, readelfMembers.Count);
            Assert.Equal(readelfMembers, results.Select(r => r.ArchiveMember));
            Assert.All(results, r => Assert.Null(r.Error));
        }

        [Theory]
        [InlineData("many_tiny_members.a", "object file without section headers")]
        [InlineData("many_small_objects.a", null)]
        public void A_16_mb_archive_of_small_members_reports_up_to_the_member_cap(string name, string? memberError)
        {
            IReadOnlyList<ElfScanResult> results = Scan(name, out _);

            Assert.Equal(ArchiveScan.MaxMembers + 1, results.Count);
            Assert.All(results.Take(ArchiveScan.MaxMembers), r => Assert.Equal(memberError, r.Error));
            Assert.Equal("the archive has more than 8192 members to report; the rest were not scanned", results[^1].Error);
        }

        [Theory]
        [InlineData("bsd_name_3000000000.a", 3000000000L)]
        [InlineData("bsd_name_2000000000.a", 2000000000L)]
        public void A_huge_bsd_name_length_in_a_sparse_4_gb_archive_is_refused_before_reading(string name, long length)
        {
            ElfScanResult result = Assert.Single(Scan(name, out long allocated));

            Assert.Equal("BSD archive member name length " + length + " is longer than 4096 bytes", result.Error);
            Assert.True(allocated < 1024 * 1024, "allocated " + allocated + " bytes");
        }

        private IReadOnlyList<ElfScanResult> Scan(string name, out long allocated)
        {
            string path = inputs.Path(name);
            long before = GC.GetAllocatedBytesForCurrentThread();
            IReadOnlyList<ElfScanResult> results = ElfScanner.Scan(path);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine(name + ": " + new FileInfo(path).Length + " bytes, " + allocated + " bytes allocated");
            Assert.True(allocated < Budget, name + " allocated " + allocated + " bytes");
            Assert.All(results, r => Assert.Equal(path, r.Path));
            return results;
        }

        /// <summary>Runs the committed generator once into a temporary folder.</summary>
        public sealed class Inputs : IDisposable
        {
            private readonly TempDirectory temp = new();

            public Inputs()
            {
                string script = System.IO.Path.Combine(RepositoryRoot.Fixtures, "hostile", "make_hostile.py");
                CommandResult run = ChildProcess.Run("python3", new[] { script, temp.Path });
                Assert.True(run.ExitCode == 0, "make_hostile.py failed: " + run.Error);
            }

            public string Path(string name) => temp.Combine(name);

            public void Dispose() => temp.Dispose();
        }
    }
}
