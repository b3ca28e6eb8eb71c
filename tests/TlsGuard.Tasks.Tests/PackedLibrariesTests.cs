using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Json;
using TlsGuard.Core.Policy;
using static TlsGuard.Tasks.Tests.TaskRunner;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>The pack scan: items with TlsGuardOrigin=Pack are judged where their PackagePath puts them.</summary>
    public class PackedLibrariesTests
    {
        private static ITaskItem Packed(string path, string packagePath, params (string Name, string Value)[] metadata) =>
            Item(path, new[] { ("TlsGuardOrigin", "Pack"), ("PackagePath", packagePath) }.Concat(metadata).ToArray());

        [Fact]
        public void A_library_packed_for_glibc_and_musl_is_judged_for_each_at_its_package_path()
        {
            var run = Run(Packed(Fixtures.IeOwnX64, "runtimes/linux-x64/native/;runtimes/linux-musl-x64/native/"));

            Assert.True(run.Succeeded);
            var warnings = run.Engine.Warnings.Where(w => w.Code == "TLS001").ToList();
            Assert.Equal(2, warnings.Count);
            Assert.All(warnings, w => Assert.Equal(Fixtures.IeOwnX64, w.File));
            var glibc = Assert.Single(warnings, w => w.Message!.StartsWith("runtimes/linux-x64/native/libie_own.so ", System.StringComparison.Ordinal));
            var musl = Assert.Single(warnings, w => w.Message!.StartsWith("runtimes/linux-musl-x64/native/libie_own.so ", System.StringComparison.Ordinal));
            Assert.Contains("glibc", glibc.Message);
            Assert.DoesNotContain("glibc", musl.Message);
            Assert.Contains("musl", musl.Message);
            Assert.Equal(2, run.Task.LibraryCount);
            Assert.Equal(1, run.Task.ReadCount);
        }

        [Fact]
        public void An_initial_exec_reference_into_a_packed_neighbour_is_at_risk_on_glibc_and_a_glibc_build_packed_for_musl_is_the_one_root_cause()
        {
            // libie_ext.so reads libdef.so's 4-byte TLS variable with initial-exec: glibc's reserve has room (within
            // the optional part: at risk). Packed for musl, libdef.so needs glibc's loader (TLS009), and musl stops there
            // when it maps libie_ext.so's dependencies ("needed by libdef.so", as the musl host says): one root cause,
            // one warning; libie_ext.so's own initial-exec reference is never reached.
            var ieExt = RepositoryRoot.Fixture("x86_64-gcc", "libie_ext.so");
            var def = RepositoryRoot.Fixture("x86_64-gcc", "libdef.so");
            const string Both = "runtimes/linux-x64/native/;runtimes/linux-musl-x64/native/";

            var run = Run(Packed(ieExt, Both), Packed(def, Both));

            Assert.DoesNotContain(run.Engine.Warnings, w => w.Code == "TLS001" || w.Code == "TLS011");
            var glibcBuild = Assert.Single(run.Engine.Warnings, w => w.Code == "TLS009");
            Assert.StartsWith("runtimes/linux-musl-x64/native/libdef.so ", glibcBuild.Message);
            Assert.Contains("ld-linux-x86-64.so.2", glibcBuild.Message);
            Assert.Equal(def, glibcBuild.File);
            var atRisk = Assert.Single(run.Engine.Warnings, w => w.Code == "TLS002");
            Assert.StartsWith("runtimes/linux-x64/native/libie_ext.so ", atRisk.Message);
            Assert.Equal(2, run.Engine.Warnings.Count);
        }

        [Fact]
        public void Windows_assets_and_files_outside_runtimes_native_are_not_checked()
        {
            var run = Run(
                Packed(Fixtures.IeOwnX64, "runtimes/win-x64/native/ie_own.dll"),
                Packed(Fixtures.IeOwnX64, "runtimes/osx-arm64/native/"),
                Packed(Fixtures.IeOwnX64, "lib/net10.0/"));

            Assert.True(run.Succeeded);
            Assert.Empty(run.Engine.Warnings);
            Assert.Equal(0, run.Task.LibraryCount);
            Assert.Contains(run.Engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains("packed for win-x64"));
            Assert.Contains(run.Engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains("not under runtimes/<rid>/native/"));
        }

        [Fact]
        public void A_finding_the_build_already_logged_is_not_repeated_at_pack_but_the_musl_one_is_new()
        {
            var build = Run(task => task.RuntimeIdentifier = "linux-x64", Item(Fixtures.IeOwnX64, ("TlsGuardOrigin", "Project")));
            Assert.Single(build.Engine.Warnings, w => w.Code == "TLS001");

            var pack = Run(
                task => task.AlreadyReported = build.Task.ReportedFindings,
                Packed(Fixtures.IeOwnX64, "runtimes/linux-x64/native/;runtimes/linux-musl-x64/native/"));

            var warning = Assert.Single(pack.Engine.Warnings, w => w.Code == "TLS001");
            Assert.StartsWith("runtimes/linux-musl-x64/native/", warning.Message);
        }

        [Fact]
        public void FailOn_fails_makes_a_packed_failing_library_an_error()
        {
            var run = Run(task => task.FailOn = "fails", Packed(Fixtures.IeOwnArm64, "runtimes/linux-arm64/native/"));

            Assert.False(run.Succeeded);
            var error = Assert.Single(run.Engine.Errors, e => e.Code == "TLS001");
            Assert.StartsWith("runtimes/linux-arm64/native/libie_own.so ", error.Message);
        }

        [Fact]
        public void A_baseline_of_the_glibc_finding_leaves_the_musl_one_reported_and_sarif_names_the_package_path()
        {
            using var temp = new TempDirectory();
            var analysis = LoadAnalyzer.Analyze(
                new[] { new LibraryInput(Fixtures.IeOwnX64) { RuntimeIdentifier = "linux-x64" } }, new AnalysisOptions());
            var baselineFile = temp.Combine("tlsguard.baseline.json");
            using (var writer = new StreamWriter(baselineFile))
            {
                Baseline.Write(writer, PolicyPipeline.Apply(analysis, new PolicySettings()).Findings);
            }

            var sarifFile = temp.Combine("pack.sarif");
            var run = Run(
                task => { task.BaselineFile = baselineFile; task.SarifFile = sarifFile; task.ProjectFile = temp.Combine("Lib.csproj"); },
                Packed(Fixtures.IeOwnX64, "runtimes/linux-x64/native/;runtimes/linux-musl-x64/native/"));

            var warning = Assert.Single(run.Engine.Warnings, w => w.Code == "TLS001");
            Assert.StartsWith("runtimes/linux-musl-x64/native/libie_own.so ", warning.Message);
            var results = JsonValue.Parse(File.ReadAllText(sarifFile)).GetArray("runs").Single().GetArray("results");
            Assert.Equal(2, results.Count);
            Assert.Contains(results, r => r.GetString("baselineState") == "new" && r.Get("message")!.GetString("text")!.StartsWith("runtimes/linux-musl-x64/native/libie_own.so ", System.StringComparison.Ordinal));
            Assert.Contains(results, r => r.GetString("baselineState") == "unchanged" && r.Get("message")!.GetString("text")!.StartsWith("runtimes/linux-x64/native/libie_own.so ", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Suppress_metadata_on_the_packed_item_hides_it()
        {
            var run = Run(Packed(Fixtures.IeOwnX64, "runtimes/linux-x64/native/", ("TlsGuardSuppress", "true")));

            Assert.True(run.Succeeded);
            Assert.DoesNotContain(run.Engine.Warnings, w => w.Code == "TLS001");
        }
    }
}
