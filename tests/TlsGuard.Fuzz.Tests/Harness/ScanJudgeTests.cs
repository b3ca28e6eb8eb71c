using TlsGuard.Core.Scanning;
using TlsGuard.Fuzz.Crafted;
using TlsGuard.Fuzz.Harness;

namespace TlsGuard.Fuzz.Tests.Harness
{
    /// <summary>The judge itself: it must pass what a linker writes and flag each kind of violation.</summary>
    public sealed class ScanJudgeTests
    {
        [Fact]
        public void Every_fixture_is_within_budget_and_read_without_an_undocumented_error()
        {
            foreach (string path in Directory.EnumerateFiles(RepositoryRoot.FixtureElf, "*", SearchOption.AllDirectories))
            {
                ScanMeasurement m = ScanProbe.Measure(File.ReadAllBytes(path));
                Assert.Empty(ScanJudge.Judge(m, ScanBudget.Default));
                Assert.All(m.Results, r => Assert.Null(r.Error));
            }
        }

        [Fact]
        public void An_object_with_twenty_thousand_TLS_symbols_in_one_table_is_counted_in_one_streamed_pass()
        {
            // The bound was first calibrated on this table: the earlier reader walked the symbols and their names through
            // one 4 KiB window (244 bytes read per byte of the file). The hardened walk streams the symbols through the
            // bulk window, reads names through the small one, and names only the first 1,024 (the list's cap).
            byte[] image = ObjectImages.DefinedTlsSymbols(20_000);

            ScanMeasurement m = ScanProbe.Measure(image);

            ElfScanResult result = m.Results.Single();
            Assert.Null(result.Error);
            Assert.Equal(20_000, result.DefinedTlsSymbolsTotal);
            Assert.Equal(ScanLimits.DefinedTlsSymbols, result.DefinedTlsSymbols.Count);
            Assert.True(m.BytesRead < 2 * m.InputLength, m.BytesRead + " bytes read for " + m.InputLength);
            Assert.Empty(ScanJudge.Judge(m, ScanBudget.Default));
        }

        [Fact]
        public void Relocations_naming_a_thousand_distinct_TLS_symbols_stay_within_the_read_bound()
        {
            // The costliest legitimate read now (ScanBudget): each symbol and its name looked up through the one 4 KiB
            // window, two refills per distinct symbol until the list's cap.
            byte[] image = ObjectImages.RelocationsAgainstDistinctSymbols(1_000);

            ScanMeasurement m = ScanProbe.Measure(image);

            ElfScanResult result = m.Results.Single();
            Assert.Null(result.Error);
            Assert.Equal(1_000, result.StaticTlsSymbolsTotal);
            Assert.Equal(1_000, result.StaticTlsRelocations["R_X86_64_TPOFF32"]);
            Assert.Empty(ScanJudge.Judge(m, ScanBudget.Default));
        }

        [Fact]
        public void Each_violation_kind_is_reported()
        {
            var escaped = new ElfScanResult { Path = "x", Error = "unreadable (IndexOutOfRangeException): Index was outside the bounds of the array." };
            var measurement = new ScanMeasurement(new[] { escaped }, 1000, 65L * 1024 * 1024, ScanBudget.Default.ReadLimit(1000) + 1, 1, TimeSpan.Zero);

            var kinds = ScanJudge.Judge(measurement, ScanBudget.Default).Select(v => v.Kind);

            Assert.Equal(new[] { ViolationKind.UndocumentedError, ViolationKind.Allocation, ViolationKind.Work }, kinds);
        }

        [Theory]
        [InlineData("truncated: the file ended while reading offset 4096", true)]
        [InlineData("DT_NEEDED without a DT_STRTAB", true)]
        [InlineData("archive long name reference /12 has no entry in the // table", true)]
        [InlineData("machine 183 is not supported: its TLS relocations are unknown", true)]
        [InlineData("DT_SYMTAB without DT_STRTAB", true)]
        [InlineData("DT_VERNEED without a DT_STRTAB", true)]
        [InlineData("symbol name at offset 1094 is longer than 16384 bytes", true)]
        [InlineData("unterminated DT_SONAME at offset 586", true)]
        [InlineData("DT_RUNPATH index 7432 is outside the string table (148 bytes)", true)]
        [InlineData("the names in this file exceed the scan budget (1048576 bytes plus half the file length): overlapping or repeated long strings", true)]
        [InlineData("PT_TLS p_align 0x404 is not a power of two of at most 2^32", true)]
        [InlineData("relocation sections [6] and [7] overlap", true)]
        [InlineData("more than 256 DT_RPATH entries", true)]
        [InlineData("vn_next 4 does not move past its own entry", true)]
        [InlineData("dynamic symbol 7 has version index 9, which neither DT_VERNEED nor DT_VERDEF declares", true)]
        [InlineData("archive long name /0 is longer than 4096 bytes", true)]
        [InlineData("BSD archive member name length 3000000000 is longer than 4096 bytes", true)]
        [InlineData("the archive has more than 8192 members to report; the rest were not scanned", true)]
        [InlineData("ar archive without ELF members: 3 COFF import object(s) (a Windows import library), 1 member(s) of no object format", true)]
        [InlineData("not an ELF file: a COFF object (Windows)", true)]
        [InlineData("unreadable (ArgumentOutOfRangeException): capacity ('-1') must be a non-negative value.", false)]
        [InlineData("too large to scan", false)]
        [InlineData("read error: Input/output error", false)]
        public void Error_shapes_separate_diagnosed_format_errors_from_escaped_exceptions(string error, bool documented)
        {
            Assert.Equal(documented, ErrorShapes.IsDocumented(error));
        }
    }
}
