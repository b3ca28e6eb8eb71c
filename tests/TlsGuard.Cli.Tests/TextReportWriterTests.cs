using System.IO;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Cli.Tests
{
    public sealed class TextReportWriterTests
    {
        private static string Render(bool color = false)
        {
            var writer = new StringWriter { NewLine = "\n" };
            TextReportWriter.Write(writer, SampleReports.Create(), new ReportContext { UseColor = color });
            return writer.ToString();
        }

        [Fact]
        public void EachLibraryNeedingStaticTlsGetsABlockWithItsFacts()
        {
            var text = Render();

            Assert.Contains(SampleReports.FailingPath + ": FAILS on glibc\n", text);
            Assert.Contains("  elf         x86_64, ELF64 little-endian, dyn, soname libfails.so, DF_STATIC_TLS\n", text);
            Assert.Contains("  tls block   2632 bytes, align 64\n", text);
            Assert.Contains("  static tls  R_X86_64_TPOFF64 x1\n", text);
            Assert.Contains("  dynamic tls R_X86_64_DTPMOD64 x2\n", text);
            Assert.Contains("  symbols     (own block), errno_like (defined elsewhere)\n", text);
            Assert.Contains("  needs       2632 bytes of static TLS\n", text);
            Assert.Contains("  chain       libacme.so -> libfails.so\n", text);
            Assert.Contains("  remedy      known offender: jemalloc\n", text);
            Assert.Contains("              build: rebuild jemalloc with ./configure --disable-initial-exec-tls", text);
            Assert.Contains("              tunable: GLIBC_TUNABLES=glibc.rtld.nns=9\n", text);
            Assert.Contains("libobjs.a(ie.o): AT-RISK on glibc\n", text);
        }

        [Fact]
        public void UnreadableFilesShowTheReason()
        {
            Assert.Contains(SampleReports.BrokenPath + ": NONE on glibc\n  error       truncated ELF header\n", Render());
        }

        [Fact]
        public void FindingsBudgetsAndSummaryFollowTheFiles()
        {
            var text = Render();

            Assert.Contains("  warning TLS001: libfails.so will fail to load\n", text);
            Assert.Contains("  note TLS005: libacme.so needs libz.so.1, which was not found\n", text);
            Assert.Contains("Budget on glibc (x86_64): 2632 bytes of static TLS needed, 1672 bytes available (1160 guaranteed): fails\n", text);
            Assert.EndsWith("4 files: 2 fails, 1 at risk, 0 fits, 1 without static TLS; 4 findings (3 warnings, 1 note)\n", text);
        }

        [Fact]
        public void ColourIsOnlyUsedWhenAsked()
        {
            Assert.DoesNotContain("\u001b[", Render(color: false));
            Assert.Contains("\u001b[1;31mFAILS\u001b[0m", Render(color: true));
        }
    }
}
