using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    /// <summary>
    /// The lab's facts are readelf's; these tests hold them against a second binutils tool (objdump) and check that the
    /// corpus still has the cases the loader model is tested on (a package list edit that loses one fails here).
    /// </summary>
    public sealed class ElfFactsTests
    {
        private static readonly RealPackageCache Cache = RealPackageCache.Instance;

        [Fact]
        public void Every_listed_package_is_restored_and_described()
        {
            var listed = RealPackageCache.PackageList();
            Assert.Equal(listed.Select(p => p.Id + " " + p.Version), Cache.Facts.Packages.Select(p => p.Id + " " + p.Version));
            Assert.All(Cache.Facts.Packages, p => Assert.True(p.NupkgBytes > 0, p.Id));
            Assert.True(Cache.Facts.ElfFiles.Count >= 200, "ELF files: " + Cache.Facts.ElfFiles.Count);
        }

        [Fact]
        public void Objdump_agrees_with_the_manifest_on_needed_soname_and_runpath()
        {
            foreach (var facts in Cache.Facts.ElfFiles.Where(f => f.IsLoadable))
            {
                var result = ChildProcess.Run("objdump", new[] { "-p", Cache.PathOf(facts) });
                Assert.True(result.ExitCode == 0, facts + ": " + result);
                var needed = Regex.Matches(result.Output, @"^\s+NEEDED\s+(\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
                var soname = Regex.Match(result.Output, @"^\s+SONAME\s+(\S+)$", RegexOptions.Multiline);
                var runpath = Regex.Match(result.Output, @"^\s+RUNPATH\s+(\S+)$", RegexOptions.Multiline);
                Assert.True(needed.SequenceEqual(facts.Needed), facts + ": objdump NEEDED " + string.Join(",", needed));
                Assert.Equal(facts.Soname, soname.Success ? soname.Groups[1].Value : null);
                Assert.Equal(string.Join(":", facts.Runpath), runpath.Success ? runpath.Groups[1].Value : "");
            }
        }

        [Fact]
        public void The_corpus_has_a_glibc_library_that_needs_the_system_libgomp()
        {
            var lightGbm = Cache.Facts.Single("LightGBM", "lib_lightgbm.so");
            Assert.Contains("libgomp.so.1", lightGbm.Needed);
            Assert.Equal(LibcFamily.Glibc, lightGbm.Libc);
            Assert.Empty(lightGbm.StaticTlsRelocations);
            Assert.DoesNotContain(Cache.Facts.ElfFiles, f => f.Package == "LightGBM" && f.FileName.StartsWith("libgomp", StringComparison.Ordinal));
        }

        [Fact]
        public void The_corpus_has_a_bundled_renamed_libgomp_with_initial_exec_tls()
        {
            var renamed = Cache.Facts.ElfFiles.Single(f => Regex.IsMatch(f.FileName, @"^libgomp-[0-9a-f]{8}\.so\.1$"));
            Assert.Equal("libtorch-cpu-linux-x64", renamed.Package);
            // Renamed on disk only: its soname is still libgomp.so.1, so once loaded it answers any later DT_NEEDED
            // libgomp.so.1 in that process (glibc matches loaded objects by soname, elf/dl-load.c _dl_map_object).
            Assert.Equal("libgomp.so.1", renamed.Soname);
            Assert.True(renamed.StaticTlsRelocations.GetValueOrDefault("R_X86_64_TPOFF64") > 0, "TPOFF64 in " + renamed);
            Assert.Contains(Cache.Facts.ElfFiles, f => f.Package == "libtorch-cpu-linux-x64" && f.Needed.Contains(renamed.FileName));
        }

        [Fact]
        public void Musl_builds_are_told_apart_from_glibc_and_bionic_builds()
        {
            foreach (var facts in Cache.Facts.ElfFiles.Where(f => f.IsLoadable && f.RidConvention == "nuget" && f.Rid != null))
            {
                var expected = facts.Rid!.StartsWith("linux-musl-", StringComparison.Ordinal) ? LibcFamily.Musl
                    : facts.Rid.StartsWith("android-", StringComparison.Ordinal) || facts.Rid.StartsWith("linux-bionic-", StringComparison.Ordinal) ? LibcFamily.Bionic
                    : LibcFamily.Glibc;
                var knownExceptions = facts.FileName is "alpine-librdkafka.so" or "librocksdb-musl.so" || facts.Libc == LibcFamily.None;
                Assert.True(knownExceptions || facts.Libc == expected, facts + ": " + facts.Libc + ", expected " + expected);
            }
        }

        [Fact]
        public void Some_packages_put_musl_builds_in_the_glibc_rid_folder()
        {
            var muslInGlibcFolder = Cache.Facts.ElfFiles.Where(f => f.Rid == "linux-x64" && f.Libc == LibcFamily.Musl).Select(f => f.FileName).OrderBy(n => n).ToList();
            Assert.Equal(new[] { "alpine-librdkafka.so", "librocksdb-musl.so" }, muslInGlibcFolder);
        }

        [Fact]
        public void Glibc_version_needs_are_recorded_and_no_x86_64_library_needs_a_newer_glibc_than_debian_12()
        {
            static Version Needed(ElfFileFacts f) => Version.Parse(f.MaxGlibc!.Substring("GLIBC_".Length));
            var newerThanDebian12 = Cache.Facts.ElfFiles.Where(f => f.MaxGlibc != null && Needed(f) > new Version(2, 36)).ToList();
            Assert.All(newerThanDebian12, f => Assert.Equal("GLIBC_2.38", f.MaxGlibc));
            Assert.Contains(newerThanDebian12, f => f.Package == "LLamaSharp.Backend.Cpu" && f.Machine == "aarch64");
            Assert.DoesNotContain(newerThanDebian12, f => f.Machine == "x86_64");
        }
    }
}
