using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Json;
using TlsGuard.Core.Policy;
using static TlsGuard.Tasks.Tests.TaskRunner;

namespace TlsGuard.Tasks.Tests
{
    public class CheckNativeLibrariesTests
    {
        private const string HelpBase = "https://github.com/tlsguard/tlsguard/blob/main/docs/rules/";

        [Fact]
        public void A_library_that_fails_to_load_gives_TLS001_on_the_library_with_the_rule_page()
        {
            var run = Run(task => task.RuntimeIdentifier = "linux-x64", Item(Fixtures.IeOwnX64));

            Assert.True(run.Succeeded);
            Assert.Empty(run.Engine.Errors);
            var warning = Assert.Single(run.Engine.Warnings, w => w.Code == "TLS001");
            Assert.Equal(Fixtures.IeOwnX64, warning.File);
            Assert.Equal(HelpBase + "TLS001.md", warning.HelpLink);
            Assert.Equal(0, warning.LineNumber);
            Assert.Null(warning.Subcategory);
            Assert.Contains("libie_own.so", warning.Message);
            Assert.Contains("glibc", warning.Message);
        }

        [Fact]
        public void A_library_with_only_dynamic_tls_gives_nothing()
        {
            var run = Run(Item(Fixtures.GdX64));

            Assert.True(run.Succeeded);
            Assert.Empty(run.Engine.Warnings);
            Assert.Empty(run.Engine.Errors);
            Assert.Equal(1, run.Task.LibraryCount);
        }

        [Fact]
        public void The_rid_picks_the_c_library()
        {
            var musl = Run(task => task.RuntimeIdentifier = "linux-x64", Item(Fixtures.IeOwnX64, ("RuntimeIdentifier", "linux-musl-x64")));

            var warning = Assert.Single(musl.Engine.Warnings, w => w.Code == "TLS001");
            Assert.Contains("musl", warning.Message);
        }

        [Fact]
        public void Severity_error_logs_errors_and_fails_the_task()
        {
            var run = Run(task => task.Severity = "error", Item(Fixtures.IeOwnX64));

            Assert.False(run.Succeeded);
            var error = Assert.Single(run.Engine.Errors, e => e.Code == "TLS001");
            Assert.Equal(Fixtures.IeOwnX64, error.File);
            Assert.Equal(HelpBase + "TLS001.md", error.HelpLink);
            Assert.DoesNotContain(run.Engine.Warnings, w => w.Code == "TLS001");
        }

        [Fact]
        public void Severity_message_logs_a_message_with_the_code()
        {
            var run = Run(task => task.Severity = "message", Item(Fixtures.IeOwnX64));

            Assert.True(run.Succeeded);
            Assert.Empty(run.Engine.Warnings);
            var message = Assert.Single(run.Engine.Messages, m => m.Code == "TLS001");
            Assert.Equal(Fixtures.IeOwnX64, message.File);
            Assert.Equal(MessageImportance.Normal, message.Importance);
        }

        [Fact]
        public void Severity_none_logs_nothing_about_the_library()
        {
            var run = Run(task => task.Severity = "none", Item(Fixtures.IeOwnX64));

            Assert.True(run.Succeeded);
            Assert.DoesNotContain(run.Engine.Warnings, w => w.Code == "TLS001");
            Assert.DoesNotContain(run.Engine.Messages, m => m.Code == "TLS001");
        }

        [Theory]
        [InlineData("loud", null)]
        [InlineData(null, "sometimes")]
        public void Unknown_knob_values_are_errors(string? severity, string? failOn)
        {
            var run = Run(task => { task.Severity = severity; task.FailOn = failOn; }, Item(Fixtures.IeOwnX64));

            Assert.False(run.Succeeded);
            Assert.Contains(run.Engine.Errors, e => e.Message!.Contains(severity ?? failOn!));
        }

        [Fact]
        public void The_glibc_tunables_the_app_runs_with_change_the_verdict()
        {
            // libie_own.so: 2632 bytes; on glibc 2.36 in the dotnet host glibc.rtld.nns=9 guarantees exactly that.
            var plain = Run(task => task.TargetLibc = "glibc-2.36", Item(Fixtures.IeOwnX64));
            Assert.Contains("GLIBC_TUNABLES=glibc.rtld.nns=9", Assert.Single(plain.Engine.Warnings, w => w.Code == "TLS001").Message);

            var tuned = Run(task => { task.TargetLibc = "glibc-2.36"; task.GlibcTunables = "glibc.rtld.nns=9"; }, Item(Fixtures.IeOwnX64));
            Assert.DoesNotContain(tuned.Engine.Warnings, w => w.Code != null && w.Code.StartsWith("TLS", System.StringComparison.Ordinal));
        }

        [Fact]
        public void The_publish_host_kind_and_the_android_api_level_reach_the_analysis()
        {
            // The publish host (from PublishAot) is the one the budget names; the android TFM's minimum API level makes it bionic-28.
            var aot = Run(task => { task.TargetLibc = "glibc-2.36"; task.HostKind = "native-aot"; }, Item(Fixtures.IeOwnX64));
            Assert.Contains("the native AOT executable", Assert.Single(aot.Engine.Warnings, w => w.Code == "TLS001").Message);

            var android = Run(task => { task.RuntimeIdentifier = "android-x64"; task.AndroidApiLevel = "28.0"; }, Item(Fixtures.IeOwnX64));
            var warning = Assert.Single(android.Engine.Warnings, w => w.Code == "TLS001");
            Assert.Contains("Android bionic (API 28)", warning.Message);
            Assert.Contains("unknown reloc type", warning.Message);
        }

        [Fact]
        public void An_unknown_target_libc_is_an_error_not_a_task_crash()
        {
            var run = Run(task => task.TargetLibc = "uclibc", Item(Fixtures.IeOwnX64));

            Assert.False(run.Succeeded);
            Assert.Contains(run.Engine.Errors, e => e.Message!.Contains("TlsGuardTargetLibc 'uclibc'"));
        }

        [Fact]
        public void TreatWarningsAsErrors_turns_TlsGuard_warnings_into_errors()
        {
            var run = Run(task => task.TreatWarningsAsErrors = true, Item(Fixtures.IeOwnX64));

            Assert.False(run.Succeeded);
            Assert.Single(run.Engine.Errors, e => e.Code == "TLS001");
            Assert.Empty(run.Engine.Warnings);
        }

        [Fact]
        public void WarningsNotAsErrors_and_NoWarn_keep_the_warning_a_warning()
        {
            var exempt = Run(task => { task.TreatWarningsAsErrors = true; task.WarningsNotAsErrors = "TLS001"; }, Item(Fixtures.IeOwnX64));
            var silenced = Run(task => { task.TreatWarningsAsErrors = true; task.NoWarn = ";CS1591;TLS001"; }, Item(Fixtures.IeOwnX64));

            Assert.True(exempt.Succeeded);
            Assert.Single(exempt.Engine.Warnings, w => w.Code == "TLS001");
            Assert.True(silenced.Succeeded);
            Assert.Single(silenced.Engine.Warnings, w => w.Code == "TLS001");
        }

        [Fact]
        public void FailOn_fails_makes_a_failing_library_an_error()
        {
            var run = Run(task => task.FailOn = "fails", Item(Fixtures.IeOwnX64));

            Assert.False(run.Succeeded);
            Assert.Single(run.Engine.Errors, e => e.Code == "TLS001");
        }

        [Fact]
        public void Suppress_metadata_hides_the_library_findings()
        {
            var run = Run(Item(Fixtures.IeOwnX64, ("TlsGuardSuppress", "true")));

            Assert.True(run.Succeeded);
            Assert.Empty(run.Engine.Warnings);
            Assert.Equal(1, run.Task.LibraryCount);
        }

        [Fact]
        public void The_same_file_suppressed_through_any_item_is_suppressed()
        {
            var run = Run(Item(Fixtures.IeOwnX64, ("TlsGuardOrigin", "Package")), Item(Fixtures.IeOwnX64, ("TlsGuardSuppress", "true")));

            Assert.Empty(run.Engine.Warnings);
            Assert.Equal(1, run.Task.LibraryCount);
        }

        [Theory]
        [InlineData("libie_*.so", 0)]
        [InlineData("libother.so;LIBIE_OWN.SO", 0)]
        [InlineData("libie_own.so.*", 1)]
        public void Suppressed_library_patterns_match_file_names(string patterns, int expectedWarnings)
        {
            var run = Run(task => task.SuppressLibraries = patterns, Item(Fixtures.IeOwnX64));

            Assert.Equal(expectedWarnings, run.Engine.Warnings.Count(w => w.Code == "TLS001"));
        }

        [Fact]
        public void Runtime_pack_libraries_are_never_flagged()
        {
            var run = Run(Item(Fixtures.IeOwnX64, ("NuGetPackageId", "Microsoft.NETCore.App.Runtime.linux-x64"), ("TlsGuardOrigin", "Package")));

            Assert.Empty(run.Engine.Warnings);
            Assert.Equal(0, run.Task.LibraryCount);
        }

        [Fact]
        public void A_second_run_reads_nothing_from_disk_but_repeats_the_warnings()
        {
            using var temp = new TempDirectory();
            var cacheFile = temp.Combine("obj/TlsGuard.cache");
            var library = temp.Copy(Fixtures.IeOwnX64, "pkg/libie_own.so");

            var first = Run(task => task.CacheFile = cacheFile, Item(library), Item(Fixtures.GdX64));
            var second = Run(task => task.CacheFile = cacheFile, Item(library), Item(Fixtures.GdX64));

            Assert.True(File.Exists(cacheFile));
            Assert.Equal((2, 2, 0), (first.Task.LibraryCount, first.Task.ReadCount, first.Task.CacheHitCount));
            Assert.Equal((2, 0, 2), (second.Task.LibraryCount, second.Task.ReadCount, second.Task.CacheHitCount));
            Assert.Equal(first.Engine.Warnings.Select(w => w.Code + w.File + w.Message), second.Engine.Warnings.Select(w => w.Code + w.File + w.Message));
            Assert.Single(second.Engine.Warnings, w => w.Code == "TLS001");
            Assert.Equal((false, true), (first.Task.AnalysisReused, second.Task.AnalysisReused));
            Assert.Contains(first.Engine.Messages, m => m.Message == "TlsGuard: 2 libraries, 2 read, 0 from cache" && m.Importance == MessageImportance.Low);
            Assert.Contains(second.Engine.Messages, m => m.Message == "TlsGuard: 2 libraries, 0 read, 2 from cache, analysis reused" && m.Importance == MessageImportance.Low);
        }

        [Fact]
        public void A_rebuilt_library_is_read_again()
        {
            using var temp = new TempDirectory();
            var cacheFile = temp.Combine("obj/TlsGuard.cache");
            var library = temp.Copy(Fixtures.GdX64, "native/libown.so");
            Run(task => task.CacheFile = cacheFile, Item(library));

            File.Copy(Fixtures.IeOwnX64, library, overwrite: true);
            var rebuilt = Run(task => task.CacheFile = cacheFile, Item(library));

            Assert.Equal(1, rebuilt.Task.ReadCount);
            Assert.Single(rebuilt.Engine.Warnings, w => w.Code == "TLS001" && w.File == library);
        }

        [Fact]
        public void The_results_file_lists_flagged_libraries_and_is_not_rewritten_when_unchanged()
        {
            using var temp = new TempDirectory();
            var resultsFile = temp.Combine("obj/TlsGuard.libraries.tsv");
            Run(task => task.ResultsFile = resultsFile, Item(Fixtures.IeOwnX64, ("DestinationSubPath", "runtimes/linux-x64/native/libie_own.so")), Item(Fixtures.GdX64));

            var lines = File.ReadAllLines(resultsFile);
            Assert.Equal("# tlsguard-results 2", lines[0]);
            var fields = Assert.Single(lines.Skip(1)).Split('\t');
            Assert.Equal(new[] { "libie_own.so", "runtimes/linux-x64/native/libie_own.so", "fails" }, fields.Take(3));
            Assert.True(long.Parse(fields[3]) >= 2632);

            var stamp = new System.DateTime(2021, 1, 1, 0, 0, 0, System.DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(resultsFile, stamp);
            Run(task => task.ResultsFile = resultsFile, Item(Fixtures.IeOwnX64, ("DestinationSubPath", "runtimes/linux-x64/native/libie_own.so")), Item(Fixtures.GdX64));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(resultsFile));
        }

        [Fact]
        public void Suppressed_libraries_are_left_out_of_the_results_file()
        {
            using var temp = new TempDirectory();
            var resultsFile = temp.Combine("TlsGuard.libraries.tsv");

            Run(task => { task.ResultsFile = resultsFile; task.SuppressLibraries = "libie_own.so"; }, Item(Fixtures.IeOwnX64));

            Assert.Equal(new[] { "# tlsguard-results 2" }, File.ReadAllLines(resultsFile));
        }

        [Fact]
        public void A_sarif_file_holds_the_reported_findings()
        {
            using var temp = new TempDirectory();
            var sarifFile = temp.Combine("artifacts/app.sarif");

            Run(task => { task.SarifFile = sarifFile; task.ProjectFile = temp.Combine("app.csproj"); }, Item(Fixtures.IeOwnX64), Item(Fixtures.GdX64));

            var sarif = JsonValue.Parse(File.ReadAllText(sarifFile));
            Assert.Equal("2.1.0", sarif.GetString("version"));
            var results = sarif.GetArray("runs").Single().GetArray("results");
            Assert.Contains(results, result => result.GetString("ruleId") == "TLS001");
        }

        [Fact]
        public void A_baseline_silences_known_findings_and_reports_stale_entries()
        {
            using var temp = new TempDirectory();
            var analysis = LoadAnalyzer.Analyze(new[] { new LibraryInput(Fixtures.IeOwnX64) }, new AnalysisOptions());
            var baselineFile = temp.Combine("tlsguard.baseline.json");
            using (var writer = new StreamWriter(baselineFile))
            {
                Baseline.Write(writer, PolicyPipeline.Apply(analysis, new PolicySettings()).Findings);
            }

            var quiet = Run(task => task.BaselineFile = baselineFile, Item(Fixtures.IeOwnX64));
            Assert.True(quiet.Succeeded);
            Assert.DoesNotContain(quiet.Engine.Warnings, w => w.Code == "TLS001");

            var fixedBuild = Run(task => { task.BaselineFile = baselineFile; task.ReportStaleBaselineEntries = true; }, Item(Fixtures.GdX64));
            var stale = Assert.Single(fixedBuild.Engine.Messages, m => m.Code == "TLS008");
            Assert.Equal(baselineFile, stale.File);
        }

        [Fact]
        public void A_broken_baseline_file_is_an_error()
        {
            using var temp = new TempDirectory();
            var baselineFile = temp.Write("broken.json", "{ not json");

            var run = Run(task => task.BaselineFile = baselineFile, Item(Fixtures.IeOwnX64));

            Assert.False(run.Succeeded);
            Assert.Contains(run.Engine.Errors, e => e.File == baselineFile);
        }

        [Fact]
        public void Findings_an_earlier_scan_logged_are_not_logged_again()
        {
            var first = Run(Item(Fixtures.IeOwnX64));
            Assert.NotEmpty(first.Task.ReportedFindings);

            var second = Run(task => task.AlreadyReported = first.Task.ReportedFindings, Item(Fixtures.IeOwnX64));

            Assert.DoesNotContain(second.Engine.Warnings, w => w.Code == "TLS001");
        }

        [Fact]
        public void The_output_scan_finds_libraries_a_native_build_dropped_there()
        {
            using var temp = new TempDirectory();
            var dropped = temp.Copy(Fixtures.IeOwnX64, "bin/native/libcmake.so.1");
            temp.Copy(Fixtures.IeOwnX64, "bin/libcopied.so");

            var run = Run(
                task =>
                {
                    task.OutputDirectory = temp.Combine("bin/");
                    task.KnownOutputFiles = new[] { Item("libcopied.so") };
                });

            var warning = Assert.Single(run.Engine.Warnings, w => w.Code == "TLS001");
            Assert.Equal(dropped, warning.File);
            Assert.Equal(1, run.Task.LibraryCount);
        }

        [Fact]
        public void Non_elf_project_files_and_windows_assets_are_skipped_without_a_warning()
        {
            using var temp = new TempDirectory();
            var text = temp.Write("data/readme.bin", "hello");
            var dll = temp.Write("runtimes/win-x64/native/foo.dll", "MZ\u0090\u0000");

            var run = Run(Item(text, ("TlsGuardOrigin", "Project")), Item(dll, ("TlsGuardOrigin", "Package")));

            Assert.True(run.Succeeded);
            Assert.Empty(run.Engine.Warnings);
            Assert.Equal(0, run.Task.LibraryCount);
        }

        [Fact]
        public void An_unreadable_library_named_by_the_user_is_reported()
        {
            using var temp = new TempDirectory();
            var truncated = temp.Write("libtruncated.so", "\u007fELF");

            var run = Run(Item(truncated));

            Assert.Single(run.Engine.Warnings, w => w.Code == "TLS004" && w.File == truncated);
        }
    }
}
