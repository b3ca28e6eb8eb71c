using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>`tlsguard scan` in process over the committed fixtures: exit codes and the text report.</summary>
    public sealed class ScanCommandTests
    {
        private static readonly string IeOwn = RepositoryRoot.Fixture("x86_64-gcc/libie_own.so");

        [Fact]
        public void FailingLibraryExitsOneWithAReadableBlock()
        {
            var block = Manifest.Entry("x86_64-gcc/libie_own.so").GetProperty("tlsBlock");

            var run = CliRun.Of("scan", IeOwn, "--no-color");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains(IeOwn + ": FAILS on glibc", run.Output);
            Assert.Contains("  tls block   " + block.GetProperty("size") + " bytes, align " + block.GetProperty("align") + "\n", run.Output);
            Assert.Contains("  static tls  R_X86_64_TPOFF64 x1", run.Output);
            Assert.Contains("  symbols     (own block)", run.Output);
            Assert.Contains("  remedy      ", run.Output);
            Assert.Contains("warning TLS001", run.Output);
            Assert.Contains("1 file: 1 fails, 0 at risk, 0 fits, 0 without static TLS", run.Output);
            Assert.EndsWith("tlsguard: failed: 1 finding at --fail-on fails: TLS001 libie_own.so\n", run.Output);
        }

        [Fact]
        public void An_archive_of_initial_exec_and_local_exec_objects_names_both_models()
        {
            // ie.o uses R_X86_64_GOTTPOFF (initial-exec), le.o R_X86_64_TPOFF32 (local-exec): readelf -r of the members.
            var run = CliRun.Of("scan", RepositoryRoot.Fixture("x86_64-gcc/libtlsobjs.a"), "--no-color");

            Assert.Contains("R_X86_64_TPOFF32 relocation, initial-exec and local-exec models for ", run.Output);
        }

        [Fact]
        public void LibraryWithoutStaticTlsExitsZero()
        {
            var run = CliRun.Of("scan", RepositoryRoot.Fixture("x86_64-gcc/libgd.so"));

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("libgd.so: no static TLS", run.Output);
            Assert.EndsWith("tlsguard: passed: no finding reaches --fail-on fails\n", run.Output);
        }

        [Fact]
        public void FailOnNeverReportsButExitsZero()
        {
            var run = CliRun.Of("scan", IeOwn, "--fail-on", "never");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("warning TLS001", run.Output);
        }

        [Fact]
        public void ObjectFilesWithInitialExecCountFromAtRisk()
        {
            var objectFile = RepositoryRoot.Fixture("x86_64-gcc/ie.o");

            var fails = CliRun.Of("scan", objectFile);
            var atRisk = CliRun.Of("scan", objectFile, "--fail-on", "at-risk");

            Assert.True(fails.ExitCode == 0, fails.ToString());
            Assert.Contains("TLS003", fails.Output);
            Assert.DoesNotContain("needs", fails.Output.Split("Findings")[0]);
            Assert.True(atRisk.ExitCode == 1, atRisk.ToString());
        }

        [Fact]
        public void StatusLineNamesTheFirstFiveFailuresOnly()
        {
            using var temp = new TempDirectory();
            foreach (var name in new[] { "liba.so", "libb.so", "libc1.so", "libd.so", "libe.so", "libf.so", "libg.so" })
            {
                temp.Copy(IeOwn, name);
            }

            var run = CliRun.Of("scan", temp.Path);

            Assert.True(run.ExitCode == 1, run.ToString());
            var status = run.Output.TrimEnd().Split('\n')[^1];
            Assert.StartsWith("tlsguard: failed: ", status);
            Assert.Contains(": TLS001 liba.so, TLS001 libb.so, TLS001 libc1.so, TLS001 libd.so, TLS001 libe.so and ", status);
            Assert.EndsWith(" more", status);
        }

        [Fact]
        public void UnreadableElfCountsOnlyWithFailOnAny()
        {
            using var temp = new TempDirectory();
            var truncated = temp.Combine("libtruncated.so");
            File.WriteAllBytes(truncated, File.ReadAllBytes(IeOwn).Take(40).ToArray());

            var fails = CliRun.Of("scan", temp.Path);
            var any = CliRun.Of("scan", temp.Path, "--fail-on", "any");

            Assert.True(fails.ExitCode == 0, fails.ToString());
            Assert.Contains("TLS004", fails.Output);
            Assert.True(any.ExitCode == 1, any.ToString());
        }

        [Fact]
        public void ForeignLibrariesInAFolderAreCountedNotFailed()
        {
            // Windows import/static libraries and Mach-O archives and objects share ".lib"/".a"/".o" with ELF ones.
            var foreign = System.IO.Path.Combine(RepositoryRoot.Fixtures, "foreign");
            var foreignFiles = Directory.GetFiles(foreign).Count(f => !f.EndsWith(".c") && !f.EndsWith(".def") && !f.EndsWith(".sh"));
            var allFiles = Directory.GetFiles(foreign).Length;

            var text = CliRun.Of("scan", foreign, "--fail-on", "any", "--no-color");
            var json = CliRun.Of("scan", foreign, "--format", "json", "--fail-on", "any");

            Assert.True(text.ExitCode == 0, text.ToString());
            Assert.Equal(4, foreignFiles);
            Assert.Contains("0 files: ", text.Output);
            Assert.Contains("; " + allFiles + " non-ELF files skipped\n", text.Output);
            var root = JsonDocument.Parse(json.Output).RootElement;
            Assert.Equal(allFiles, root.GetProperty("skippedNonElfFiles").GetInt32());
            Assert.Equal(0, root.GetProperty("files").GetArrayLength());
        }

        [Fact]
        public void AFileUnderRuntimesRidIsJudgedForThatRidAsTheTaskJudgesIt()
        {
            // A RID-less build output carries every RID's assets; --rid is the fallback, not an override of the path.
            using var temp = new TempDirectory();
            temp.Copy(IeOwn, "bin/runtimes/linux-x64/native/libie_own.so");
            temp.Copy(IeOwn, "bin/runtimes/linux-musl-x64/native/libie_own.so");

            var run = CliRun.Of("scan", temp.Combine("bin"), "--rid", "linux-x64", "--format", "json", "--fail-on", "never");

            Assert.True(run.ExitCode == 0, run.ToString());
            var libcByRid = JsonDocument.Parse(run.Output).RootElement.GetProperty("files").EnumerateArray()
                .ToDictionary(f => f.GetProperty("path").GetString()!.Split('/')[^3], f => f.GetProperty("libc").GetString());
            Assert.Equal("musl", libcByRid["linux-musl-x64"]);
            Assert.StartsWith("glibc", libcByRid["linux-x64"]);
        }

        [Fact]
        public void FoldersAreSearchedRecursivelyAndJudgedTogether()
        {
            using var temp = new TempDirectory();
            temp.Copy(IeOwn, "a/libie_own.so");
            temp.Copy(RepositoryRoot.Fixture("x86_64-gcc/libgd.so"), "b/c/libgd.so");
            File.WriteAllText(temp.Combine("b/readme.txt"), "not a library");

            var run = CliRun.Of("scan", temp.Path, "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            var files = JsonDocument.Parse(run.Output).RootElement.GetProperty("files").EnumerateArray()
                .Select(f => Path.GetFileName(f.GetProperty("path").GetString())).OrderBy(n => n);
            Assert.Equal(new[] { "libgd.so", "libie_own.so" }, files);
        }

        [Fact]
        public void MuslTargetFailsEvenASmallInitialExecBlock()
        {
            // A glibc build whose initial-exec reference lands in libdef.so, found through --search (musl's loader maps a
            // glibc build it finds). musl stops at libdef.so's ld-linux-x86-64.so.2 before it relocates anything, as the
            // musl C host does: the one warning is TLS009 on libdef.so, naming libie_ext.so as what needs it; never "fits".
            var mimallocLike = RepositoryRoot.Fixture("x86_64-gcc/libie_ext.so");

            var glibc = CliRun.Of("scan", mimallocLike, "--format", "json", "--search", Path.GetDirectoryName(mimallocLike)!);
            var musl = CliRun.Of("scan", mimallocLike, "--format", "json", "--libc", "musl", "--fail-on", "at-risk", "--search", Path.GetDirectoryName(mimallocLike)!);
            var rid = CliRun.Of("scan", mimallocLike, "--format", "json", "--rid", "linux-musl-x64", "--fail-on", "at-risk", "--search", Path.GetDirectoryName(mimallocLike)!);

            Assert.True(glibc.ExitCode == 0, glibc.ToString());
            Assert.True(musl.ExitCode == 1, musl.ToString());
            Assert.True(rid.ExitCode == 1, rid.ToString());
            Assert.Equal("musl", JsonDocument.Parse(musl.Output).RootElement.GetProperty("files")[0].GetProperty("libc").GetString());
            Assert.Equal("musl", JsonDocument.Parse(rid.Output).RootElement.GetProperty("budget").GetProperty("libc").GetString());
            var finding = Assert.Single(JsonDocument.Parse(musl.Output).RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("TLS009", finding.GetProperty("id").GetString());
            Assert.Equal("libdef.so", Path.GetFileName(finding.GetProperty("file").GetString()));
            Assert.Equal("libie_ext.so", finding.GetProperty("properties").GetProperty("pulledInBy").GetString());
            Assert.Equal("fails", JsonDocument.Parse(musl.Output).RootElement.GetProperty("files")[0].GetProperty("verdict").GetString());
        }

        [Fact]
        public void SearchAndSysrootFoldersResolveDependencies()
        {
            using var temp = new TempDirectory();
            var needsIe = temp.Copy(RepositoryRoot.Fixture("x86_64-gcc/libneeds_ie.so"), "app/libneeds_ie.so");
            temp.Copy(IeOwn, "sysroot/usr/lib/libie_own.so");

            var alone = CliRun.Of("scan", needsIe);
            var searched = CliRun.Of("scan", needsIe, "--search", Path.GetDirectoryName(IeOwn)!);
            var sysroot = CliRun.Of("scan", needsIe, "--sysroot", temp.Combine("sysroot"));

            Assert.True(alone.ExitCode == 0, alone.ToString());
            Assert.Contains("TLS005", alone.Output);
            Assert.True(searched.ExitCode == 1, searched.ToString());
            Assert.True(sysroot.ExitCode == 1, sysroot.ToString());
            Assert.Contains("  chain       libneeds_ie.so -> libie_own.so\n", sysroot.Output);
        }

        [Fact]
        public void StartupLibrariesCostNothing()
        {
            var ieExt = RepositoryRoot.Fixture("x86_64-gcc/libie_ext.so");

            var dotnetHost = JsonDocument.Parse(CliRun.Of("scan", ieExt, "--format", "json", "--libc", "glibc-2.36").Output).RootElement.GetProperty("files")[0];
            var preloaded = JsonDocument.Parse(CliRun.Of("scan", ieExt, "--format", "json", "--libc", "glibc-2.36", "--startup-lib", "libc.so.6", "--startup-lib", "libdef.so").Output)
                .RootElement.GetProperty("files")[0];

            Assert.Equal("fits", dotnetHost.GetProperty("verdict").GetString());
            Assert.True(dotnetHost.GetProperty("requiredStaticTlsBytes").GetInt64() > 0);
            Assert.Equal("none", preloaded.GetProperty("verdict").GetString());
            Assert.Equal(0, preloaded.GetProperty("requiredStaticTlsBytes").GetInt64());
        }

        [Fact]
        public void TheSuggestedTunablesFedBackMakeJemallocFit()
        {
            var defaults = CliRun.Of("scan", Repo.Jemalloc, "--libc", "glibc-2.36", "--format", "json");
            var remedy = JsonDocument.Parse(defaults.Output).RootElement.GetProperty("files")[0].GetProperty("remedy");
            var tunables = remedy.GetProperty("glibcTunables").GetString()!;
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9", tunables);
            Assert.True(remedy.GetProperty("tunableGuaranteed").GetBoolean());

            var fed = CliRun.Of("scan", Repo.Jemalloc, "--libc", "glibc-2.36", "--format", "json", "--glibc-tunables", tunables);
            Assert.True(defaults.ExitCode == 1, defaults.ToString());
            Assert.True(fed.ExitCode == 0, fed.ToString());
            Assert.Equal("fits", JsonDocument.Parse(fed.Output).RootElement.GetProperty("files")[0].GetProperty("verdict").GetString());
        }

        [Fact]
        public void TheOptionalStaticTlsAliasRaisesTheReserveButNotTheGuaranteedPart()
        {
            var tuned = CliRun.Of("scan", Repo.Jemalloc, "--libc", "glibc-2.36", "--optional-static-tls", "1472", "--format", "json");
            var file = JsonDocument.Parse(tuned.Output).RootElement.GetProperty("files")[0];
            Assert.True(tuned.ExitCode == 0, tuned.ToString());
            Assert.Equal("at-risk", file.GetProperty("verdict").GetString());
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=9:glibc.rtld.optional_static_tls=1472", file.GetProperty("remedy").GetProperty("glibcTunables").GetString());
        }

        [Fact]
        public void HostAndRuntimePackOptionsAreValidatedAndUsed()
        {
            var bad = CliRun.Of("scan", Repo.Jemalloc, "--host", "python");
            Assert.True(bad.ExitCode == 2, bad.ToString());
            Assert.Contains("TLS010", bad.Error);

            var aot = CliRun.Of("scan", IeOwn, "--libc", "glibc-2.36", "--host", "native-aot", "--format", "json");
            var budget = JsonDocument.Parse(aot.Output).RootElement.GetProperty("budget");
            Assert.Equal("native-aot", budget.GetProperty("host").GetString());
            Assert.Equal(1680, budget.GetProperty("reserveBytes").GetInt64());
            Assert.Equal("2.36", budget.GetProperty("libcVersion").GetString());
        }

        [Fact]
        public void ReportGoesToTheOutputFileAndTheStatusToStdout()
        {
            using var temp = new TempDirectory();
            var output = temp.Combine("reports/tlsguard.json");

            var run = CliRun.Of("scan", IeOwn, "--format", "json", "--output", output);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("schemaVersion").GetInt32());
            Assert.Equal("Report written to " + output + "\ntlsguard: failed: 1 finding at --fail-on fails: TLS001 libie_own.so\n", run.Output);
        }

        [Fact]
        public void VersionPrintsTheToolVersion()
        {
            var run = CliRun.Of("--version");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith(ToolInfo.Version, run.Output.Trim());
            Assert.Matches(@"^\d+\.\d+\.\d+", ToolInfo.Version);
        }
    }
}
