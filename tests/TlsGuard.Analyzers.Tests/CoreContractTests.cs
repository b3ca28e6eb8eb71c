using System.Linq;
using System.Threading.Tasks;
using TlsGuard.Analyzers.Rules;
using TlsGuard.Analyzers.Tests.Infrastructure;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Describe;
using TlsGuard.Core.Reporting;
using TlsGuard.Core.Scanning;
using CoreCatalog = TlsGuard.Core.Diagnostics.DiagnosticCatalog;
using CoreSeverity = TlsGuard.Core.Diagnostics.DiagnosticSeverity;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace TlsGuard.Analyzers.Tests;

/// <summary>
/// The analyzer cannot load TlsGuard.Core, so it carries the results-file format and the catalog text as linked
/// source. These tests hold the two sides together.
/// </summary>
public sealed class CoreContractTests
{
    private static readonly LibraryVerdict[] Assessments =
    [
        Assessment("/pkgs/jemalloc/runtimes/linux-x64/native/libjemalloc.so.2", "runtimes/linux-x64/native/libjemalloc.so.2", Verdict.Fails, 2632, "glibc-2.32+", "libjemalloc.so.2"),
        Assessment("/out/libmimalloc.so.2", null, Verdict.AtRisk, 1400, "glibc-2.32+", "lib\tmimalloc.so.2"),
        Assessment("/out/win/libodd.so", "runtimes\\linux-musl-x64\\native\\libodd.so", Verdict.Fails, 16, "musl", ""),
        Assessment("/out/libfits.so", null, Verdict.Fits, 64, "glibc-2.32+", "libfits.so"),
        Assessment("/out/libplain.so", null, Verdict.None, 0, "glibc-2.32+", ""),
    ];

    [Fact]
    public void Analyzer_reads_what_the_core_writes()
    {
        var text = AnalyzerResultsFile.Format(Assessments);

        var written = AnalyzerResultsFile.Parse(text);
        var read = AnalyzerResultsFormat.Parse(text);

        Assert.Equal(3, written.Count);
        Assert.Equal(
            written.Select(e => (e.FileName, e.RelativePath, VerdictNames.ToName(e.Verdict), e.RequiredBytes, e.Libc, e.RemedySummary)),
            read.Select(l => (l.FileName, l.RelativePath, l.Verdict == FlaggedVerdict.Fails ? "fails" : "at-risk", l.RequiredBytes, l.Libc, l.RemedySummary)));
    }

    [Fact]
    public async Task Core_output_drives_the_analyzer()
    {
        const string source = """
            using System.Runtime.InteropServices;

            static class Native
            {
                [{|#0:DllImport("jemalloc")|}] public static extern nint je_malloc(nuint size);
                [{|#1:DllImport("mimalloc")|}] public static extern nint mi_malloc(nuint size);
                [DllImport("fits")] public static extern nint fits();
                [{|#2:DllImport("runtimes/linux-musl-x64/native/libodd.so")|}] public static extern int odd();
            }
            """;

        await CallSiteAnalyzerTest.ForSource(source)
            .WithResults(AnalyzerResultsFile.Format(Assessments))
            .Expect(
                CallSiteAnalyzerTest.Diagnostic("TLS100").WithLocation(0).WithMessage(
                    "'jemalloc' binds to libjemalloc.so.2, which will fail to load on glibc: needs 2632 bytes of static TLS. Fix: " + Summary("libjemalloc.so.2", "glibc") + "."),
                CallSiteAnalyzerTest.Diagnostic("TLS101").WithLocation(1),
                // The core writes no remedy for this library, so the analyzer gives its own.
                CallSiteAnalyzerTest.Diagnostic("TLS100").WithLocation(2).WithMessage(
                    "'runtimes/linux-musl-x64/native/libodd.so' binds to runtimes/linux-musl-x64/native/libodd.so, which will fail to load on musl: needs 16 bytes of static TLS. "
                    + "Fix: rebuild the library without initial-exec TLS, or load it at process start with LD_PRELOAD."))
            .RunAsync();
    }

    [Fact]
    public async Task A_call_site_bound_to_a_library_that_fails_through_a_glibc_dependency_says_so()
    {
        // libie_ext.so on musl: musl stops at libdef.so, a glibc build (needs ld-linux-x86-64.so.2), before any TLS; the
        // call site names that cause, not libie_ext.so's static TLS size.
        var ieExt = RepositoryRoot.Fixture("x86_64-gcc", "libie_ext.so");
        var report = LoadAnalyzer.Analyze(
            [new LibraryInput(ieExt)],
            new AnalysisOptions { TargetLibc = "musl", SearchPaths = [System.IO.Path.GetDirectoryName(ieExt)!], SystemLibraries = SystemLibraries.Off });
        const string source = """
            using System.Runtime.InteropServices;

            static class Native
            {
                [{|#0:DllImport("ie_ext")|}] public static extern int ie_ext();
            }
            """;

        await CallSiteAnalyzerTest.ForSource(source)
            .WithResults(AnalyzerResultsFile.Format(report.Libraries))
            .Expect(CallSiteAnalyzerTest.Diagnostic("TLS100").WithLocation(0).WithMessage(
                "'ie_ext' binds to libie_ext.so, which will fail to load on musl: needs libdef.so, which is built for glibc (needs ld-linux-x86-64.so.2). "
                + "Fix: rebuild libdef.so against musl, or run the app on a glibc-based system (e.g. a Debian or Ubuntu base image)."))
            .RunAsync();
    }

    [Fact]
    public void Analyzer_descriptors_say_what_the_catalog_says()
    {
        Assert.Equal(2, RuleDescriptors.All.Length);
        foreach (var descriptor in RuleDescriptors.All)
        {
            var entry = CoreCatalog.Find(descriptor.Id);
            Assert.NotNull(entry);
            Assert.Equal(entry.Title, descriptor.Title.ToString());
            Assert.Equal(entry.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(entry.Description, descriptor.Description.ToString());
            Assert.Equal(entry.HelpUri, descriptor.HelpLinkUri);
            Assert.Equal(entry.DefaultSeverity, ToCore(descriptor.DefaultSeverity));
        }
    }

    [Fact]
    public void Catalog_lists_every_analyzer_id_in_the_TLS1xx_range()
    {
        var analyzerIds = CoreCatalog.All.Select(d => d.Id).Where(id => id.StartsWith("TLS1"));

        Assert.Equal(analyzerIds.OrderBy(id => id), RuleDescriptors.All.Select(d => d.Id).OrderBy(id => id));
    }

    private static CoreSeverity ToCore(RoslynSeverity severity) => severity switch
    {
        RoslynSeverity.Error => CoreSeverity.Error,
        RoslynSeverity.Warning => CoreSeverity.Warning,
        RoslynSeverity.Info => CoreSeverity.Message,
        _ => CoreSeverity.None,
    };

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
