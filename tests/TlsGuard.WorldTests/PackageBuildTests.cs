using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    /// <summary>
    /// What the TlsGuard package of this checkout logs while a consumer app of real native packages is built and
    /// published, held against real loads of what the build put in its output: each warning must be about a library
    /// that really fails (or may fail), and each library that really fails for static TLS must have its warning.
    /// </summary>
    [Collection(ConsumerAppCollection.Name)]
    public sealed class PackageBuildTests
    {
        private static readonly Regex StaticTlsPath = new Regex(@"(?<path>/\S+): cannot allocate memory in static TLS block");
        private readonly ConsumerAppFixture _app;
        private readonly Dictionary<string, ISet<string>> _missing = new(StringComparer.Ordinal);

        public PackageBuildTests(ConsumerAppFixture app) => _app = app;

        [Fact]
        public void A_rid_less_build_warns_only_about_libraries_that_really_fail_in_the_loader_of_their_rid_folder()
        {
            var output = _app.App.OutputFolder();
            var warnings = Warnings(_app.RidLessBuild);
            Assert.Contains(warnings, w => w.Id == "TLS001");
            var disagreements = new List<string>();
            foreach (var warning in warnings)
            {
                var relative = RelativePath(warning);
                var rid = RealLoaders.RidOf(relative);
                disagreements.AddRange(Check(warning, output, relative, _app.Loaders.For(rid), () => MissingIn(Path.Combine(output, "runtimes", rid ?? ""), rid), shipped: true));
            }

            Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        }

        [Fact]
        public void A_rid_less_build_warns_about_every_library_that_really_fails_for_static_tls_and_says_where_the_module_was_found()
        {
            var output = _app.App.OutputFolder();
            var warnings = Warnings(_app.RidLessBuild).Where(w => w.Id == "TLS001").ToList();
            var failures = new List<(string Relative, LoadRecord Load)>();
            foreach (var rid in new[] { "linux-x64", "linux-musl-x64" })
            {
                var libraries = _app.RidLess.Where(f => f.Kind == "elf" && RealLoaders.RidOf(f.RelativePath) == rid).ToList();
                Assert.NotEmpty(libraries);
                var loads = _app.Loaders.Load(_app.Loaders.For(rid)!, libraries.Select(f => Path.Combine(output, f.RelativePath)));
                failures.AddRange(libraries.Select(f => (f.RelativePath, loads[Path.GetFullPath(Path.Combine(output, f.RelativePath))])).Where(l => l.Item2.IsStaticTlsFailure));
            }

            // RocksDB's librocksdb-jemalloc.so needs the system libjemalloc.so.2, whose initial-exec TLS does not fit.
            Assert.Contains(failures, f => f.Relative == "runtimes/linux-x64/native/librocksdb-jemalloc.so");
            foreach (var (relative, load) in failures)
            {
                var warning = warnings.FirstOrDefault(w => RelativePath(w) == relative || w.Message.Contains(relative, StringComparison.Ordinal));
                Assert.True(warning != null, relative + " really fails (" + load.Message + ") and has no TLS001 among:\n" + string.Join("\n", warnings.Select(w => w.Message)));
                var module = StaticTlsPath.Match(load.Message).Groups["path"].Value;
                Assert.Contains(Path.GetFileName(module) + " was found on this machine: " + module, warning!.Message);
            }
        }

        [Fact]
        public void A_musl_publish_flags_what_it_ships_built_for_glibc_with_the_libc_diagnostic_and_never_a_musl_build()
        {
            var publish = _app.App.PublishFolder("linux-musl-x64");
            var warnings = Warnings(_app.PublishMuslRun);
            Assert.DoesNotContain(warnings, w => w.Id == "TLS001");
            Assert.Contains(warnings, w => w.Id == "TLS009");
            var disagreements = new List<string>();
            foreach (var warning in warnings)
            {
                var relative = RelativePath(warning);
                var warned = File.Exists(warning.File) ? warning.File : Path.Combine(publish, relative);
                if (warning.Id != "TLS009" && warning.Id != "TLS011")
                {
                    disagreements.Add(relative + ": " + warning.Id + " in a musl publish: " + warning.Message);
                    continue;
                }

                var facts = _app.Cache.FactsOf(warned);
                if (facts?.Libc != LibcFamily.Glibc)
                {
                    disagreements.Add(relative + ": " + warning.Id + " on a file readelf says was built for " + (facts?.Libc.ToString() ?? "nothing known"));
                }

                disagreements.AddRange(Check(warning, publish, relative, _app.Loaders.Musl, () => MissingIn(publish, "linux-musl-x64")));
            }

            // Completeness: every glibc build the publish ships (a package had no musl build of it) is flagged.
            var flagged = warnings.Select(RelativePath).ToHashSet(StringComparer.Ordinal);
            foreach (var file in _app.PublishMusl.Where(f => f.Kind == "elf"))
            {
                var facts = _app.Cache.FactsOf(Path.Combine(publish, file.RelativePath));
                if (facts != null && facts.IsLoadable && facts.Libc == LibcFamily.Glibc && !flagged.Contains(file.RelativePath))
                {
                    disagreements.Add(file.RelativePath + " (" + facts + ") is a glibc build in a musl publish and has no TLS009/TLS011");
                }
            }

            Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        }

        [Fact]
        public void A_musl_publish_warns_only_about_the_files_it_ships()
        {
            // NetVips.Native.linux-x64 and NetVips.Native.linux-musl-x64 both bring libvips.so.42 to a musl publish; the
            // SDK's conflict resolution ships the musl build. A warning about the other one is about nothing the app loads.
            var publish = _app.App.PublishFolder("linux-musl-x64");
            var elsewhere = Warnings(_app.PublishMuslRun)
                .Where(w => File.Exists(w.File) && File.Exists(Path.Combine(publish, RelativePath(w)))
                    && RealPackageCache.Sha256(w.File) != RealPackageCache.Sha256(Path.Combine(publish, RelativePath(w))))
                .Select(w => w.Id + " " + RelativePath(w) + " about " + w.File + ", while the publish ships " + _app.Cache.FactsOf(Path.Combine(publish, RelativePath(w))))
                .ToList();
            Assert.True(elsewhere.Count == 0, string.Join("\n", elsewhere));
        }

        [Fact]
        public void A_plain_build_after_a_rid_build_warns_as_the_rid_less_build_did_and_never_about_the_stale_rid_folder()
        {
            var before = Warnings(_app.RidLessBuild).Select(w => w.Id + " " + RelativePath(w)).OrderBy(w => w, StringComparer.Ordinal);
            var after = Warnings(_app.AfterOtherRidBuild).Select(w => w.Id + " " + RelativePath(w)).OrderBy(w => w, StringComparer.Ordinal).ToList();
            Assert.Equal(before, after);
            Assert.DoesNotContain(after, w => w.Contains(" linux-musl-x64/", StringComparison.Ordinal));

            // The stale folder holds what a glibc judgement would flag (musl builds): its silence is the output scan's skip.
            var stale = CliReport.Scan(new[] { _app.App.OutputFolder("linux-musl-x64") }, "--rid", "linux-x64", "--fail-on", "never");
            Assert.Contains(stale.Findings, f => f.Id == "TLS009" && f.Property("builtFor") == "musl");
        }

        /// <summary>The TLS0xx warnings (and errors) a build logged, each once.</summary>
        private static IReadOnlyList<TlsGuardFinding> Warnings(DotnetRun build) =>
            TlsGuardToday.FromBuild(build.Command, build).Findings
                .Where(f => f.Id.StartsWith("TLS0", StringComparison.Ordinal) && (f.Level == "warning" || f.Level == "error"))
                .ToList();

        /// <summary>A library warning starts with the file's path in the output (its DestinationSubPath).</summary>
        private static string RelativePath(TlsGuardFinding warning)
        {
            var space = warning.Message.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? warning.Message : warning.Message.Substring(0, space);
        }

        private IEnumerable<string> Check(TlsGuardFinding warning, string folder, string relative, RealLoader? loader, Func<ISet<string>> missing, bool shipped = false)
        {
            var truth = WarningJudge.Judge(warning.Id, warning.Message, folder, relative, loader, _app.Loaders, _app.Cache, missing, shipped ? warning.File : null);
            if (truth.True == false)
            {
                yield return relative + ": " + warning.Id + ": " + truth.Explanation;
            }
        }

        /// <summary>The names TlsGuard reports as not found (TLS005) when the CLI judges a folder for a RID: what it said it could not know.</summary>
        private ISet<string> MissingIn(string folder, string? rid)
        {
            var key = folder + "|" + rid;
            if (!_missing.TryGetValue(key, out var names))
            {
                var options = new List<string> { "--fail-on", "never" };
                if (rid != null)
                {
                    options.AddRange(new[] { "--rid", rid });
                }

                names = CliReport.Scan(new[] { folder }, options.ToArray()).MissingNames;
                _missing[key] = names;
            }

            return names;
        }
    }
}
