using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using static TlsGuard.Tasks.Tests.TaskRunner;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>
    /// The no-op build (issue 13): with nothing changed, the stored analysis is reused and every warning repeats through
    /// the policy as it is set now; any change to an input, an option or a file the analysis looked at (a dependency found
    /// through RUNPATH, a searched folder, a path that did not exist) makes the task analyse again, with the findings a
    /// build without any cache gives.
    /// </summary>
    public sealed class AnalysisReuseTests : IDisposable
    {
        private readonly TempDirectory temp = new();
        private readonly string cacheFile;
        private readonly string app;

        public AnalysisReuseTests()
        {
            cacheFile = temp.Combine("obj", "TlsGuard.cache");
            app = temp.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libneeds_ie.so"), "app/libneeds_ie.so");
        }

        public void Dispose() => temp.Dispose();

        [Fact]
        public void An_unchanged_build_reuses_the_analysis_and_repeats_its_findings()
        {
            File.Copy(Fixtures.IeOwnX64, temp.Combine("app", "libie_own.so"));
            var first = Cached();
            var second = Cached();

            Assert.False(first.Task.AnalysisReused);
            Assert.True(second.Task.AnalysisReused);
            Assert.Equal(0, second.Task.ReadCount);
            Assert.True(File.Exists(temp.Combine("obj", "TlsGuard.analysis")));
            Assert.Contains(Findings(second), f => f.StartsWith("TLS001|", StringComparison.Ordinal) && f.Contains("libneeds_ie.so -> libie_own.so"));
            Assert.Equal(Findings(first), Findings(second));
            Assert.Equal(Findings(Cold()), Findings(second));
        }

        [Fact]
        public void Settings_apply_to_a_reused_analysis()
        {
            File.Copy(Fixtures.IeOwnX64, temp.Combine("app", "libie_own.so"));
            Cached();

            var asErrors = Cached(task => task.Severity = "error");
            var suppressed = Cached(task => task.SuppressLibraries = "libneeds_*");

            Assert.True(asErrors.Task.AnalysisReused);
            Assert.False(asErrors.Succeeded);
            Assert.Contains(asErrors.Engine.Errors, e => e.Code == "TLS001");
            Assert.True(suppressed.Task.AnalysisReused);
            Assert.DoesNotContain(suppressed.Engine.Warnings, w => w.Code == "TLS001");
        }

        [Fact]
        public void A_dependency_that_appears_where_runpath_points_is_found()
        {
            var missing = Cached();
            Assert.Contains(Findings(missing), f => f.StartsWith("TLS005|", StringComparison.Ordinal));

            File.Copy(Fixtures.IeOwnX64, temp.Combine("app", "libie_own.so"));
            var found = Cached();

            Assert.False(found.Task.AnalysisReused);
            Assert.Equal(Findings(Cold()), Findings(found));
            Assert.Contains(Findings(found), f => f.StartsWith("TLS001|", StringComparison.Ordinal));
        }

        [Fact]
        public void A_dependency_replaced_behind_runpath_is_read_again()
        {
            var dependency = temp.Combine("app", "libie_own.so");
            File.Copy(Fixtures.IeOwnX64, dependency);
            var fails = Cached();
            Assert.Contains(Findings(fails), f => f.StartsWith("TLS001|", StringComparison.Ordinal));

            // The same name, now a library with dynamic TLS only: nothing fails any more.
            File.Copy(Fixtures.GdX64, dependency, overwrite: true);
            var replaced = Cached();

            Assert.False(replaced.Task.AnalysisReused);
            Assert.Equal(Findings(Cold()), Findings(replaced));
            Assert.DoesNotContain(Findings(replaced), f => f.StartsWith("TLS001|", StringComparison.Ordinal));
        }

        [Fact]
        public void A_searched_folder_that_gains_the_missing_dependency_is_searched_again()
        {
            var search = Directory.CreateDirectory(temp.Combine("deps")).FullName;
            var standalone = temp.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libneeds_ie.so"), "other/libneeds_ie.so");
            Action<CheckNativeLibraries> withSearch = task => task.SearchPaths = new ITaskItem[] { Item(search) };
            var missing = Cached(withSearch, standalone);
            Assert.Contains(Findings(missing), f => f.StartsWith("TLS005|", StringComparison.Ordinal));

            File.Copy(Fixtures.IeOwnX64, Path.Combine(search, "libie_own.so"));
            var found = Cached(withSearch, standalone);

            Assert.False(found.Task.AnalysisReused);
            Assert.Equal(Findings(Cold(withSearch, standalone)), Findings(found));
            Assert.Contains(Findings(found), f => f.StartsWith("TLS001|", StringComparison.Ordinal));
        }

        [Fact]
        public void Another_input_set_or_option_is_another_analysis()
        {
            File.Copy(Fixtures.IeOwnX64, temp.Combine("app", "libie_own.so"));
            Cached();

            var more = Cached(null, app, Fixtures.GdX64);
            var musl = Cached(task => task.TargetLibc = "musl");
            var again = Cached();

            Assert.False(more.Task.AnalysisReused);
            Assert.False(musl.Task.AnalysisReused);
            Assert.Equal(Findings(Cold(task => task.TargetLibc = "musl")), Findings(musl));
            Assert.True(again.Task.AnalysisReused);
        }

        /// <summary>A rebuilt input (same path, new content) is never judged on its old analysis.</summary>
        [Fact]
        public void A_rebuilt_input_is_analysed_again()
        {
            var library = temp.Copy(Fixtures.GdX64, "native/libown.so");
            var before = Cached(null, library);
            Assert.Empty(before.Engine.Warnings);

            File.Copy(Fixtures.IeOwnX64, library, overwrite: true);
            var after = Cached(null, library);

            Assert.False(after.Task.AnalysisReused);
            Assert.Single(after.Engine.Warnings, w => w.Code == "TLS001" && w.File == library);
        }

        private TaskRunner Cached(Action<CheckNativeLibraries>? configure = null, params string[] libraries) =>
            Run(task => { task.CacheFile = cacheFile; configure?.Invoke(task); }, Items(libraries));

        private TaskRunner Cold(Action<CheckNativeLibraries>? configure = null, params string[] libraries) =>
            Run(task => configure?.Invoke(task), Items(libraries));

        private ITaskItem[] Items(string[] libraries) => (libraries.Length == 0 ? new[] { app } : libraries).Select(path => Item(path)).ToArray();

        internal static string[] Findings(TaskRunner run) =>
            run.Engine.Warnings.Select(w => w.Code + "|" + w.File + "|" + w.Message)
                .Concat(run.Engine.Errors.Select(e => e.Code + "|" + e.File + "|" + e.Message))
                .Concat(run.Engine.Messages.Where(m => m.Code != null).Select(m => m.Code + "|" + m.File + "|" + m.Message))
                .ToArray();
    }
}
