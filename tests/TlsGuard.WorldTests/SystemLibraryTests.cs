using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    /// <summary>
    /// Libraries that need this machine's own libraries, judged by the CLI with no --search and no --sysroot (the
    /// default) and loaded for real: the verdict comes through the system library the loader really maps.
    /// </summary>
    public sealed class SystemLibraryTests
    {
        private static readonly RealPackageCache Cache = RealPackageCache.Instance;
        private static readonly Regex StaticTlsPath = new Regex(@"(?<path>/\S+): cannot allocate memory in static TLS block");

        [Fact]
        public void A_library_linked_against_the_system_jemalloc_fails_through_it_where_the_loader_finds_it()
        {
            // Debian's musl-tools puts musl's loader in /lib on this glibc machine; the machine still stands in for glibc.
            Assert.True(File.Exists("/lib/ld-musl-x86_64.so.1"), "scripts/install-test-deps.sh installs musl-tools");
            using var folder = new TempDirectory("libfoo");
            var libfoo = Compile(folder, "foo.c", "libfoo.so", "-Wl,--no-as-needed", "-l:libjemalloc.so.2");

            var report = CliReport.Scan(new[] { libfoo });
            var real = new DotnetLoadHost().Load(libfoo);

            Assert.Equal(1, report.ExitCode);
            var file = report.Files.Single();
            Assert.Equal("fails", file.Verdict);
            Assert.Equal(new[] { "libfoo.so", "libjemalloc.so.2" }, file.Chain);
            var finding = report.Findings.Single(f => f.Id == "TLS001");
            Assert.Contains("libfoo.so -> libjemalloc.so.2", finding.Message);
            Assert.False(real.Loaded);
            var module = StaticTlsPath.Match(real.Message).Groups["path"].Value;
            Assert.Equal("libjemalloc.so.2", Path.GetFileName(module));
            Assert.Contains("libjemalloc.so.2 was found on this machine: " + module, finding.Message);
            Assert.DoesNotContain(report.Findings, f => f.Id == "TLS005");
        }

        [Fact]
        public void A_package_library_needing_the_system_libgomp_is_judged_through_the_libgomp_the_loader_maps_not_a_renamed_copy_beside_it()
        {
            var lightGbm = Cache.PathOf(Cache.Facts.Single("LightGBM", "lib_lightgbm.so"));
            var renamedFacts = Cache.Facts.Single("libtorch-cpu-linux-x64", "libgomp-98b21ff3.so.1");
            Assert.Equal("libgomp.so.1", renamedFacts.Soname);
            using var folder = new TempDirectory("lightgbm");
            var beside = folder.Copy(lightGbm);
            folder.Copy(Cache.PathOf(renamedFacts));

            foreach (var library in new[] { lightGbm, beside })
            {
                var report = CliReport.Scan(new[] { Path.GetDirectoryName(library)! }, "--fail-on", "never");
                var file = report.Files.Single(f => f.FileName == "lib_lightgbm.so");
                var (mapped, load) = MappedLibgomp(library);

                Assert.True(load.Loaded, load.Message);
                Assert.StartsWith("/", mapped);
                Assert.NotEqual(Path.GetDirectoryName(library), Path.GetDirectoryName(mapped));
                var (size, align) = Readelf.TlsBlock(mapped) ?? throw new InvalidOperationException(mapped + " has no TLS block");
                Assert.Contains(file.Verdict, new[] { "fits", "at-risk" });
                Assert.Equal(new[] { "lib_lightgbm.so", "libgomp.so.1" }, file.Chain);
                Assert.InRange(file.RequiredStaticTlsBytes, size, size + align - 1);
                Assert.DoesNotContain(report.Findings, f => f.Id == "TLS005" && f.Property("needed") == "libgomp.so.1");
            }
        }

        [Fact]
        public void A_glibc_build_found_through_runpath_is_what_the_musl_loader_maps_not_a_missing_library()
        {
            using var folder = new TempDirectory("neighbour");
            var numkong = folder.Copy(Cache.PathOf(Cache.Facts.ElfFiles.Single(f => f.Package == "Cloud.Unum.USearch" && f.Rid == "linux-x64" && f.FileName == "libnumkong.so")));
            var neighbour = Compile(folder, "neighbour.c", "libneighbour.so", "-Wl,--no-as-needed", "-L" + folder.Path, "-l:libnumkong.so", "-Wl,--enable-new-dtags,-rpath,$ORIGIN");

            var report = CliReport.Scan(new[] { neighbour }, "--rid", "linux-musl-x64", "--fail-on", "never");
            var musl = CLoadHost.Musl(Cache);
            var real = musl.Load(neighbour);

            // musl's loader takes libc.so.6 as itself, finds libnumkong.so through DT_RUNPATH and loads both.
            Assert.True(real.Loaded, real.Message);
            Assert.True(musl.Load(numkong).Loaded);
            Assert.DoesNotContain(report.Findings, f => f.Id == "TLS005");
            var file = report.Files.Single();
            Assert.Equal("at-risk", file.Verdict);
            Assert.Equal("TLS011", Assert.Single(report.Findings).Id);
        }

        private static string Compile(TempDirectory folder, string source, string output, params string[] linkOptions)
        {
            var path = folder.Combine(output);
            var arguments = new List<string> { "-shared", "-fPIC", "-o", path, Path.Combine(AppContext.BaseDirectory, "native", source) };
            arguments.AddRange(linkOptions);
            var result = ChildProcess.Run("gcc", arguments);
            Assert.True(result.ExitCode == 0, "gcc " + string.Join(" ", arguments) + ":\n" + result);
            return path;
        }

        /// <summary>The libgomp file glibc maps when NativeLibrary.Load loads <paramref name="library"/> (its LD_DEBUG=libs trace).</summary>
        private static (string Path, LoadRecord Load) MappedLibgomp(string library)
        {
            var probe = Path.Combine(AppContext.BaseDirectory, "LoadProbe.dll");
            var environment = new Dictionary<string, string?> { ["LD_DEBUG"] = "libs", ["LD_LIBRARY_PATH"] = null, ["LD_PRELOAD"] = null, ["GLIBC_TUNABLES"] = null };
            var result = ChildProcess.Run(DotnetLoadHost.Muxer(), new[] { probe, library }, environment: environment);
            var init = Regex.Matches(result.Error + result.Output, @"calling init: (?<path>\S*/libgomp[^\s/]*)");
            Assert.True(init.Count > 0, "no libgomp in the loader's trace:\n" + result);
            var loaded = result.Output.Split('\n').Any(line => line == "ok " + library);
            return (init[^1].Groups["path"].Value, new LoadRecord("dotnet NativeLibrary.Load", library, loaded, result.Output));
        }
    }
}
