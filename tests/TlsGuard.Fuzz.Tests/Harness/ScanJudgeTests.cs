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
        public void An_object_with_twenty_thousand_TLS_symbols_in_one_table_stays_within_the_read_bound()
        {
            // Calibrates ReadFactor: one honest table of many symbols is the scanner's costliest legitimate pattern.
            byte[] image = CraftedShapes.SymbolTableHeaders(1, 20_000);

            ScanMeasurement m = ScanProbe.Measure(image);

            Assert.Null(m.Results[0].Error);
            Assert.Equal(20_000, m.Results[0].DefinedTlsSymbols.Count);
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
        [InlineData("unreadable (ArgumentOutOfRangeException): capacity ('-1') must be a non-negative value.", false)]
        [InlineData("too large to scan", false)]
        [InlineData("read error: Input/output error", false)]
        public void Error_shapes_separate_diagnosed_format_errors_from_escaped_exceptions(string error, bool documented)
        {
            Assert.Equal(documented, ErrorShapes.IsDocumented(error));
        }
    }
}
