using System;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Reporting;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Tasks.Tests
{
    public class AnalyzerResultsFileTests
    {
        [Fact]
        public void Lists_only_failing_and_at_risk_libraries_in_a_stable_order()
        {
            var text = AnalyzerResultsFile.Format(new[]
            {
                Assessment("/p/libz.so", "runtimes/linux-x64/native/libz.so", Verdict.AtRisk, 1200, "glibc-2.32+", "libz.so"),
                Assessment("/p/libfits.so", null, Verdict.Fits, 16, "glibc-2.32+", ""),
                Assessment("/p/libnone.so", null, Verdict.None, 0, "glibc-2.32+", ""),
                Assessment("/p/libjemalloc.so.2", "libjemalloc.so.2", Verdict.Fails, 2632, "glibc-2.32+", "libjemalloc.so.2"),
            });

            Assert.Equal(
                "# tlsguard-results 2\n"
                + "libjemalloc.so.2\tlibjemalloc.so.2\tfails\t2632\tglibc\tneeds 2632 bytes of static TLS\t" + Summary("libjemalloc.so.2", "glibc") + "\n"
                + "libz.so\truntimes/linux-x64/native/libz.so\tat-risk\t1200\tglibc\tneeds 1200 bytes of static TLS\t" + Summary("libz.so", "glibc") + "\n",
                text);
        }

        [Fact]
        public void Separators_inside_fields_are_replaced_and_the_file_parses_back()
        {
            var text = AnalyzerResultsFile.Format(new[]
            {
                Assessment("/p/libfoo.so", "sub\\libfoo.so", Verdict.Fails, 4096, "musl", "line one\nline\ttwo"),
            });

            var entry = AnalyzerResultsFile.Parse(text).Single();

            Assert.Equal("libfoo.so", entry.FileName);
            Assert.Equal("sub/libfoo.so", entry.RelativePath);
            Assert.Equal(Verdict.Fails, entry.Verdict);
            Assert.Equal(4096, entry.RequiredBytes);
            Assert.Equal("musl", entry.Libc);
            Assert.Equal("needs 4096 bytes of static TLS", entry.Cause);
            Assert.StartsWith("for line one line two: ", entry.RemedySummary);
            Assert.DoesNotContain('\t', entry.RemedySummary);
            Assert.DoesNotContain('\n', entry.RemedySummary);
        }

        [Fact]
        public void No_flagged_library_gives_just_the_header()
        {
            Assert.Equal("# tlsguard-results 2\n", AnalyzerResultsFile.Format(Array.Empty<LibraryVerdict>()));
            Assert.Empty(AnalyzerResultsFile.Parse("# tlsguard-results 2\n"));
        }

        [Fact]
        public void A_foreign_file_is_rejected_and_malformed_lines_are_skipped()
        {
            Assert.Throws<FormatException>(() => AnalyzerResultsFile.Parse("libfoo.so\tx\tfails\t1\tglibc\tfix\n"));

            var entries = AnalyzerResultsFile.Parse("# tlsguard-results 2\r\nshort\tline\nlibfoo.so\tlibfoo.so\tfails\tmany\tglibc\tcause\tfix\nlibok.so\tlibok.so\tat-risk\t8\tglibc\tcause\tfix\n");

            Assert.Equal("libok.so", entries.Single().FileName);
        }

        private static LibraryVerdict Assessment(string path, string? relativePath, Verdict verdict, long bytes, string libc, string remedyModule)
        {
            TargetLibc.TryParse(libc, out var target);
            return new LibraryVerdict(new LibraryInput(path) { RelativePath = relativePath }, new ElfScanResult { Path = path }, target)
            {
                Verdict = verdict,
                RequiredStaticTlsBytes = bytes,
                Remedy = remedyModule.Length == 0 ? null : new Remedy { Module = remedyModule, Libc = target },
            };
        }

        private static string Summary(string module, string libc)
        {
            TargetLibc.TryParse(libc, out var target);
            return RemedyText.Summary(new Remedy { Module = module, Libc = target });
        }
    }
}
