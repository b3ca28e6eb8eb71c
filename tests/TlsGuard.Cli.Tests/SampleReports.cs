using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Knowledge;
using TlsGuard.Core.Policy;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Elf;

namespace TlsGuard.Cli.Tests
{
    /// <summary>Hand-built analysis results, so the writers are tested independently of the scanner and the analysis.</summary>
    internal static class SampleReports
    {
        private static readonly ElfPlatform X86_64 = new ElfPlatform(ElfMachine.X86_64, ElfClass.Elf64, ElfData.LittleEndian);

        public const string RepoRoot = "/src/app";
        public static readonly string FailingPath = Path.Combine(RepoRoot, "native", "libfails.so");
        public static readonly string PackagePath = "/home/u/.nuget/packages/acme.native/1.2.3/runtimes/linux-x64/native/libacme.so";
        public static readonly string BrokenPath = Path.Combine(RepoRoot, "native", "broken.so");

        public static Report Create()
        {
            var failing = new ElfScanResult
            {
                Path = FailingPath,
                Platform = new ElfPlatform(ElfMachine.X86_64, ElfClass.Elf64, ElfData.LittleEndian),
                FileType = ElfType.SharedObject,
                Soname = "libfails.so",
                Needed = new[] { "libc.so.6" },
                Runpath = new[] { "$ORIGIN" },
                DfStaticTls = true,
                TlsBlock = new TlsBlock(2632, 64, 0),
                StaticTlsRelocations = new SortedDictionary<string, int> { ["R_X86_64_TPOFF64"] = 1 },
                DynamicTlsRelocations = new SortedDictionary<string, int> { ["R_X86_64_DTPMOD64"] = 2 },
                StaticTlsSymbols = new[] { new StaticTlsSymbol(null, true, 1), new StaticTlsSymbol("errno_like", false, 2) },
            };
            var package = new ElfScanResult
            {
                Path = PackagePath,
                Platform = X86_64,
                FileType = ElfType.SharedObject,
                Needed = new[] { "libfails.so" },
            };
            var broken = new ElfScanResult { Path = BrokenPath, Error = "truncated ELF header" };
            var archive = new ElfScanResult
            {
                Path = Path.Combine(RepoRoot, "lib", "libobjs.a"),
                ArchiveMember = "ie.o",
                Platform = new ElfPlatform(ElfMachine.AArch64, ElfClass.Elf64, ElfData.LittleEndian),
                FileType = ElfType.Relocatable,
                StaticTlsRelocations = new SortedDictionary<string, int> { ["R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21"] = 2 },
                ObjectTlsModel = TlsAccessModel.InitialExec,
            };
            var remedy = new Remedy
            {
                Module = "libfails.so",
                Known = KnownOffenders.All.First(known => known.Name == "jemalloc"),
                Tunable = new TunableRemedy(new GlibcTunables(9, null), Guaranteed: true),
            };
            var glibc = TargetLibc.Glibc;

            var libraries = new[]
            {
                new LibraryVerdict(new LibraryInput(FailingPath), failing, glibc) { Verdict = Verdict.Fails, RequiredStaticTlsBytes = 2632, Remedy = remedy },
                new LibraryVerdict(new LibraryInput(PackagePath) { PackageId = "Acme.Native", PackageVersion = "1.2.3" }, package, glibc)
                {
                    Verdict = Verdict.Fails, RequiredStaticTlsBytes = 2632, Chain = new[] { "libacme.so", "libfails.so" }, Remedy = remedy,
                },
                new LibraryVerdict(new LibraryInput(BrokenPath), broken, glibc),
                new LibraryVerdict(new LibraryInput(archive.Path), archive, glibc) { Verdict = Verdict.AtRisk },
            };
            var findings = new[]
            {
                new Finding(DiagnosticCatalog.LibraryFailsToLoad, FailingPath, "libfails.so will fail to load")
                {
                    Fingerprint = "TLS001|libfails.so|2632",
                    Properties = new Dictionary<string, string> { ["requiredBytes"] = "2632" },
                },
                new Finding(DiagnosticCatalog.LibraryFailsToLoad, PackagePath, "libacme.so will fail to load (needs libfails.so)")
                {
                    PackageId = "Acme.Native", PackageVersion = "1.2.3", Fingerprint = "TLS001|libacme.so|2632",
                },
                new Finding(DiagnosticCatalog.FileUnreadable, BrokenPath, "broken.so could not be checked: truncated ELF header")
                {
                    Fingerprint = "TLS004|broken.so",
                },
                new Finding(DiagnosticCatalog.DependencyNotFound, PackagePath, "libacme.so needs libz.so.1, which was not found")
                {
                    Fingerprint = "TLS005|libacme.so|libz.so.1",
                },
            };

            return new Report
            {
                Libraries = libraries,
                VisibleLibraries = libraries,
                Budgets = new[]
                {
                    new LoadBudget { Libc = glibc, Platform = X86_64, ReserveBytes = 1672, GuaranteedBytes = 1160, RequiredBytes = 2632, Verdict = Verdict.Fails },
                    new LoadBudget { Libc = TargetLibc.Musl, Platform = X86_64, ReserveBytes = 0, RequiredBytes = 2632, Verdict = Verdict.Fails },
                },
                Findings = findings.Select(finding => new ReportedFinding(finding, finding.Descriptor.DefaultSeverity, Baselined: false, Fails: false)).ToList(),
            };
        }

        /// <summary>The report as the policy gives it when <paramref name="baseline"/> is applied (stale entries included).</summary>
        public static Report WithBaseline(Report report, Baseline baseline)
        {
            var result = baseline.Apply(report.Findings.Select(reported => reported.Finding).ToList());
            var findings = report.Findings
                .Select(reported => reported with { Baselined = result.IsBaselined(reported.Finding) })
                .Concat(result.StaleFindings.Select(stale => new ReportedFinding(stale, stale.Descriptor.DefaultSeverity, Baselined: false, Fails: false)))
                .ToList();
            return report with { Findings = findings, Baseline = result };
        }
    }
}
