using TlsGuard.Fuzz.Crafted;
using TlsGuard.Fuzz.Harness;

namespace TlsGuard.Fuzz.Tests.Regressions
{
    /// <summary>
    /// Found by recalibrating the read bound on the merged scanner: after each TLS relocation the relocation walk asked
    /// for a whole window from the next entry on, so every TLS entry refilled the 64 KiB bulk window. A table whose
    /// entries are all TLS was read 2,730 times over (20,000 TPOFF32 entries: 1.3 GB read for a 480 KB object); work
    /// must be linear in the bytes read and each table byte read once.
    /// </summary>
    public sealed class RelocationWindowTests
    {
        [Fact]
        public void A_table_of_only_TLS_relocations_is_read_once()
        {
            byte[] image = ObjectImages.TlsRelocationsOnly(20_000);

            ScanMeasurement m = ScanProbe.Measure(image);

            Assert.Null(m.Results.Single().Error);
            Assert.Equal(20_000, m.Results.Single().StaticTlsRelocations["R_X86_64_TPOFF32"]);
            // The table once, the headers and the symbol/string tables through the 4 KiB window: well under twice the file.
            Assert.True(m.BytesRead < 2 * m.InputLength, m.BytesRead + " bytes read for a " + m.InputLength + "-byte object");
            Assert.Empty(ScanJudge.Judge(m, ScanBudget.Default));
        }
    }
}
