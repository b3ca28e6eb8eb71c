using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Describe;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>Dependency resolution and attribution of static TLS to the module that defines it.</summary>
    public sealed class ClosureTests
    {
        [Fact]
        public void A_clean_library_inherits_the_verdict_of_the_dependency_that_needs_static_tls()
        {
            using var libraries = new FakeLibraries();
            // A package library beside its dependency finds it through DT_RUNPATH $ORIGIN, as glibc does.
            var foo = libraries.Add("app/libfoo.so", new LibrarySpec { Soname = "libfoo.so", Needed = new[] { "libjemalloc.so.2", "libc.so.6" }, Runpath = new[] { "$ORIGIN" } });
            libraries.Add("app/libjemalloc.so.2", LibrarySpec.InitialExec("libjemalloc.so.2", 2632));
            var report = LoadAnalyzer.Analyze(new[] { new LibraryInput(foo) { PackageId = "Foo.Native", PackageVersion = "1.2.3" } }, new AnalysisOptions(), libraries);
            var library = report.Library(foo);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal(new[] { "libfoo.so", "libjemalloc.so.2" }, library.Chain);
            Assert.Equal(2632, library.RequiredStaticTlsBytes);
            var finding = report.WithId("TLS001").Single();
            Assert.Contains("libfoo.so -> libjemalloc.so.2 needs 2632 bytes of static TLS", finding.Message);
            Assert.Contains("1 R_X86_64_TPOFF64 relocation", finding.Message);
            Assert.Contains("(package Foo.Native 1.2.3)", finding.Message);
            // No version given: the worst of glibc 2.27 and later; nns=10 makes it fit on every release with tunables (2.41 needs 10).
            Assert.Contains("on glibc 2.27–2.31 (x86_64;", finding.Message);
            Assert.Contains("GLIBC_TUNABLES=glibc.rtld.nns=10 on glibc 2.32 and later", finding.Message);
            Assert.Contains("LD_PRELOAD=/path/to/libjemalloc.so.2", finding.Message);
            Assert.Contains("--disable-initial-exec-tls", finding.Message);
            Assert.Equal("TLS001|libfoo.so|glibc-2.32+|libfoo.so>libjemalloc.so.2|R_X86_64_TPOFF64|2632", finding.Fingerprint);
            Assert.DoesNotContain(libraries.Root, finding.Fingerprint);
            Assert.Equal("libfoo.so -> libjemalloc.so.2", finding.Properties["chain"]);
            Assert.Equal("2632", finding.Properties["requiredBytes"]);
            Assert.Equal("1672", finding.Properties["reserveBytes"]);
            Assert.Equal("R_X86_64_TPOFF64=1", finding.Properties["relocations"]);
            Assert.Equal("GLIBC_TUNABLES=glibc.rtld.nns=10", finding.Properties["tunable"]);
            Assert.Equal("Foo.Native", finding.PackageId);
            Assert.Equal(foo, finding.FilePath);
        }

        [Fact]
        public void The_library_itself_as_the_cause_has_an_empty_chain()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libjemalloc.so.2", LibrarySpec.InitialExec("libjemalloc.so.2", 2632));
            var report = Analysis.Run(libraries, path);
            Assert.Empty(report.Library(path).Chain);
            Assert.Equal("TLS001|libjemalloc.so.2|glibc-2.32+|R_X86_64_TPOFF64|2632", report.Findings().Single().Fingerprint);
            Assert.Contains("libjemalloc.so.2 needs 2632 bytes of static TLS", report.Findings().Single().Message);
        }

        [Theory]
        [InlineData("$ORIGIN/../deps")]
        [InlineData("${ORIGIN}/../deps")]
        public void Runpath_with_origin_finds_dependencies(string runpath)
        {
            using var libraries = new FakeLibraries();
            var foo = libraries.Add("lib/libfoo.so", new LibrarySpec { Soname = "libfoo.so", Needed = new[] { "libdep.so" }, Runpath = new[] { runpath } });
            libraries.Add("deps/libdep.so", LibrarySpec.InitialExec("libdep.so", 4096));
            var report = Analysis.Run(libraries, foo);
            Assert.Equal(Verdict.Fails, report.Library(foo).Verdict);
            Assert.Empty(report.WithId("TLS005"));
        }

        [Fact]
        public void Rpath_is_inherited_from_the_loader_but_runpath_stops_it()
        {
            using var libraries = new FakeLibraries();
            var top = libraries.Add("a/libtop.so", new LibrarySpec { Soname = "libtop.so", Needed = new[] { "libmid.so" }, Rpath = new[] { "$ORIGIN/../b", "$ORIGIN/../c" } });
            libraries.Add("b/libmid.so", new LibrarySpec { Soname = "libmid.so", Needed = new[] { "libleaf.so" } });
            libraries.Add("c/libleaf.so", LibrarySpec.InitialExec("libleaf.so", 4096));
            Assert.Equal(Verdict.Fails, Analysis.Run(libraries, top).Library(top).Verdict);

            var blocked = libraries.Add("d/libtop2.so", new LibrarySpec { Soname = "libtop2.so", Needed = new[] { "libmid2.so" }, Rpath = new[] { "$ORIGIN/../e", "$ORIGIN/../c" } });
            libraries.Add("e/libmid2.so", new LibrarySpec { Soname = "libmid2.so", Needed = new[] { "libleaf.so" }, Runpath = new[] { "/nonexistent" } });
            var report = Analysis.Run(libraries, blocked);
            Assert.Equal(Verdict.None, report.Library(blocked).Verdict);
            var missing = report.WithId("TLS005").Single();
            Assert.Contains("libleaf.so", missing.Message);
            Assert.DoesNotContain(Path.Combine(libraries.Root, "c"), missing.Message);
        }

        [Fact]
        public void Other_inputs_satisfy_dependencies_by_file_name_within_the_target_never_by_a_renamed_copys_soname()
        {
            using var libraries = new FakeLibraries();
            var foo = libraries.Add("x64/libfoo.so", LibrarySpec.Clean("libfoo.so", "libbar.so.1"));
            var barArm = libraries.Add("pkg-arm/libbar.so.1", LibrarySpec.InitialExec("libbar.so.1", 4096, machine: "aarch64"));
            var barOther = libraries.Add("pkg-b/libbar.so.1", LibrarySpec.InitialExec("libbar.so.1", 1000) with { Needed = new[] { "libc.musl-x86_64.so.1" } });
            var barSame = libraries.Add("pkg-a/libbar.so.1", LibrarySpec.InitialExec("libbar.so.1", 2000));
            var renamed = libraries.Add("pkg-c/libbar-1.2.so", LibrarySpec.InitialExec("libbar.so.1", 3000));
            var inputs = new[]
            {
                new LibraryInput(foo) { RuntimeIdentifier = "linux-x64" },
                new LibraryInput(barArm) { RuntimeIdentifier = "linux-arm64" },
                new LibraryInput(barOther) { RuntimeIdentifier = "linux-musl-x64" },
                new LibraryInput(barSame) { RuntimeIdentifier = "linux-x64" },
                new LibraryInput(renamed) { RuntimeIdentifier = "linux-x64" },
            };
            var report = LoadAnalyzer.Analyze(inputs, new AnalysisOptions(), libraries);
            var library = report.Library(foo);
            Assert.Equal(2000, library.RequiredStaticTlsBytes);
            Assert.Equal(barSame, library.Consumers.Single().Path);
        }

        [Fact]
        public void A_candidate_of_another_machine_is_skipped_and_reported_missing_with_the_folders_searched()
        {
            using var libraries = new FakeLibraries();
            var foo = libraries.Add("app/libfoo.so", LibrarySpec.Clean("libfoo.so", "libdep.so"));
            libraries.Add("app/libdep.so", LibrarySpec.InitialExec("libdep.so", 4096, machine: "aarch64"));
            var search = Path.Combine(libraries.Root, "search");
            var report = Analysis.Run(libraries, new AnalysisOptions { SearchPaths = new[] { search } }, foo);
            Assert.Equal(Verdict.None, report.Library(foo).Verdict);
            var missing = report.WithId("TLS005").Single();
            Assert.Equal(DiagnosticSeverity.Message, missing.Descriptor.DefaultSeverity);
            Assert.Contains("needs libdep.so", missing.Message);
            Assert.Contains(search, missing.Message);
            Assert.Contains("the app's other libraries", missing.Message);
            Assert.Equal("TLS005|libfoo.so|libdep.so", missing.Fingerprint);
        }

        [Fact]
        public void Search_paths_and_the_sysroot_multiarch_folder_are_searched()
        {
            using var libraries = new FakeLibraries();
            var foo = libraries.Add("app/libfoo.so", LibrarySpec.Clean("libfoo.so", "libsearch.so", "libsys.so.1"));
            libraries.Add("extra/libsearch.so", LibrarySpec.InitialExec("libsearch.so", 100));
            libraries.Add("sysroot/usr/lib/x86_64-linux-gnu/libsys.so.1", LibrarySpec.InitialExec("libsys.so.1", 200));
            var options = new AnalysisOptions { TargetLibc = "glibc-2.36", SearchPaths = new[] { Path.Combine(libraries.Root, "extra") }, Sysroot = Path.Combine(libraries.Root, "sysroot") };
            var report = Analysis.Run(libraries, options, foo);
            var library = report.Library(foo);
            Assert.Equal(new[] { "libsys.so.1", "libsearch.so" }.OrderBy(n => n), library.Consumers.Select(c => c.Name).OrderBy(n => n));
            Assert.Equal(Verdict.Fits, library.Verdict);
            Assert.Empty(report.Findings());
        }

        [Fact]
        public void Dependency_cycles_terminate_and_count_each_module_once()
        {
            using var libraries = new FakeLibraries();
            var a = libraries.Add("liba.so", new LibrarySpec { Soname = "liba.so", Needed = new[] { "libb.so" }, Tls = 600, OwnRelocations = 1, Runpath = new[] { "$ORIGIN" } });
            libraries.Add("libb.so", new LibrarySpec { Soname = "libb.so", Needed = new[] { "liba.so", "libb.so" }, Tls = 600, OwnRelocations = 1, Runpath = new[] { "$ORIGIN" } });
            var library = Analysis.Run(libraries, a).Library(a);
            Assert.Equal(2, library.Consumers.Count);
            Assert.Equal(1200, library.RequiredStaticTlsBytes);
        }

        [Fact]
        public void Startup_libraries_need_no_resolution_and_are_never_charged()
        {
            using var libraries = new FakeLibraries();
            var libm = libraries.Add("libm.so.6", new LibrarySpec { Soname = "libm.so.6", Imports = new[] { "errno@GLIBC_PRIVATE" }, Needed = new[] { "libc.so.6", "ld-linux-x86-64.so.2" } });
            var resolv = libraries.Add("libresolv.so.2", new LibrarySpec { Soname = "libresolv.so.2", Imports = new[] { "errno", "__resp", "__h_errno" }, Needed = new[] { "libc.so.6" } });
            var report = Analysis.Run(libraries, libm, resolv);
            Assert.Equal(Verdict.None, report.Library(libm).Verdict);
            Assert.Equal(Verdict.None, report.Library(resolv).Verdict);
            Assert.Empty(report.Findings());
        }

        [Fact]
        public void An_import_binds_to_the_dependency_that_defines_it_and_a_tiny_block_fits_quietly()
        {
            using var libraries = new FakeLibraries();
            var gl = libraries.Add("libGL.so.1", new LibrarySpec { Soname = "libGL.so.1", Imports = new[] { "_glapi_tls_Current" }, Needed = new[] { "libGLdispatch.so.0", "libc.so.6" }, Runpath = new[] { "$ORIGIN" } });
            libraries.Add("libGLdispatch.so.0", new LibrarySpec { Soname = "libGLdispatch.so.0", Tls = 8, OwnRelocations = 0, Imports = new string[0], Defines = new[] { "_glapi_tls_Current" }, Needed = new[] { "libc.so.6" } });
            var report = Analysis.Run(libraries, Analysis.Glibc236, gl);
            var library = report.Library(gl);
            Assert.Equal(Verdict.Fits, library.Verdict);
            var consumer = library.Consumers.Single();
            Assert.Equal("libGLdispatch.so.0", consumer.Name);
            Assert.Equal(new[] { "_glapi_tls_Current" }, consumer.Symbols);
            Assert.Equal(new[] { "libGL.so.1", "libGLdispatch.so.0" }, consumer.Chain);
            Assert.Empty(report.Findings());
        }

        [Fact]
        public void An_import_nobody_defines_is_at_risk_when_no_startup_library_is_reached()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libodd.so", new LibrarySpec { Soname = "libodd.so", Imports = new[] { "mystery_tls" } });
            var report = Analysis.Run(libraries, path);
            Assert.Equal(Verdict.AtRisk, report.Library(path).Verdict);
            var finding = report.WithId("TLS002").Single();
            Assert.Contains("mystery_tls", finding.Message);
            Assert.Contains("no module of its dependency closure defines", finding.Message);
        }

        [Fact]
        public void An_import_nobody_defines_is_assumed_to_be_in_the_startup_library_it_needs()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libcxxuser.so", new LibrarySpec { Soname = "libcxxuser.so", Imports = new[] { "__cxa_eh_globals_tls" }, Needed = new[] { "libstdc++.so.6" } });
            Assert.Equal(Verdict.None, Analysis.Run(libraries, path).Library(path).Verdict);
        }

        [Fact]
        public void An_import_that_may_live_in_a_missing_dependency_is_at_risk_and_names_it()
        {
            using var libraries = new FakeLibraries();
            var path = libraries.Add("libext.so", new LibrarySpec { Soname = "libext.so", Imports = new[] { "def_var" }, Needed = new[] { "libdef.so", "libc.so.6" } });
            var report = Analysis.Run(libraries, path);
            Assert.Equal(Verdict.AtRisk, report.Library(path).Verdict);
            Assert.Contains("may be defined in the missing libdef.so", report.WithId("TLS002").Single().Message);
            Assert.Single(report.WithId("TLS005"));
        }

        [Fact]
        public void An_import_into_another_input_that_reaches_its_tls_dynamically_is_a_load_order_hazard()
        {
            using var libraries = new FakeLibraries();
            var gd = libraries.Add("libdefgd.so", new LibrarySpec { Soname = "libdefgd.so", Tls = 64, Defines = new[] { "gd_block" }, GdRelocations = 1, Needed = new[] { "libc.so.6" } });
            var ext = libraries.Add("libext.so", new LibrarySpec { Soname = "libext.so", Imports = new[] { "gd_block" }, Needed = new[] { "libdefgd.so", "libc.so.6" }, Runpath = new[] { "$ORIGIN" } });
            var report = Analysis.Run(libraries, Analysis.Glibc236, gd, ext);
            Assert.Equal(Verdict.None, report.Library(gd).Verdict);
            var library = report.Library(ext);
            Assert.Equal(Verdict.AtRisk, library.Verdict);
            Assert.Contains("glibc has made that TLS dynamic", ReasonText.Of(library));

            var alone = Analysis.Run(libraries, Analysis.Glibc236, ext);
            Assert.Equal(Verdict.Fits, alone.Library(ext).Verdict);
        }

        [Fact]
        public void A_missing_dependency_is_reported_once_per_name_naming_every_library_that_needs_it()
        {
            using var libraries = new FakeLibraries();
            var a = libraries.Add("liba.so", LibrarySpec.Clean("liba.so", "libz.so.1"));
            var b = libraries.Add("libb.so", LibrarySpec.Clean("libb.so", "libz.so.1"));
            var report = Analysis.Run(libraries, new AnalysisOptions { SystemLibraries = SystemLibraries.Off }, a, b);
            var missing = report.WithId("TLS005").Single();
            Assert.Contains("liba.so", missing.Message);
            Assert.Contains("(and " + b + ")", missing.Message);
            Assert.Contains("TlsGuardSystemLibraries=false", missing.Message);
            Assert.Equal("2", missing.Properties["neededBy"]);
            var c = libraries.Add("libc2.so", new LibrarySpec { Soname = "libc2.so", Needed = new[] { "liba.so" }, Runpath = new[] { "$ORIGIN" } });
            var shared = Analysis.Run(libraries, new AnalysisOptions { SystemLibraries = SystemLibraries.Off }, a, c);
            Assert.Single(shared.WithId("TLS005"));
        }

        [Fact]
        public void A_file_found_through_runpath_is_the_dependency_whatever_c_library_it_was_built_for()
        {
            // musl's loader maps the glibc build it finds beside a library (ldso/dynlink.c asks no C library); it is not missing.
            using var libraries = new FakeLibraries();
            var foo = libraries.Add("app/libfoo.so", new LibrarySpec { Soname = "libfoo.so", Needed = new[] { "libbar.so", "libc.musl-x86_64.so.1" }, Runpath = new[] { "$ORIGIN" } });
            libraries.Add("app/libbar.so", LibrarySpec.Clean("libbar.so", "libc.so.6"));
            var options = new AnalysisOptions { RuntimeIdentifier = "linux-musl-x64", SystemLibraries = SystemLibraries.Off };
            var report = Analysis.Run(libraries, options, foo);
            Assert.Empty(report.WithId("TLS005"));
            var library = report.Library(foo);
            Assert.Equal(Verdict.AtRisk, library.Verdict);
            Assert.Equal(new[] { "libfoo.so", "libbar.so" }, library.Chain);
        }

        [Fact]
        public void A_library_fails_with_the_c_library_mismatch_of_a_dependency_it_ships_reported_once_on_that_dependency()
        {
            using var libraries = new FakeLibraries();
            var foo = libraries.Add("app/libfoo.so", new LibrarySpec { Soname = "libfoo.so", Needed = new[] { "libbar.so", "libc.so.6" }, Runpath = new[] { "$ORIGIN" } });
            var bar = libraries.Add("app/libbar.so", LibrarySpec.Clean("libbar.so", "libc.musl-x86_64.so.1"));
            var report = Analysis.Run(libraries, new AnalysisOptions { RuntimeIdentifier = "linux-x64", SystemLibraries = SystemLibraries.Off }, foo, bar);
            var library = report.Library(foo);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal(new[] { "libfoo.so", "libbar.so" }, library.Chain);
            Assert.Equal(bar, Assert.Single(report.WithId("TLS009")).FilePath);
            Assert.Empty(report.WithId("TLS001"));
        }

        [Fact]
        public void A_dependency_the_loader_cannot_map_hides_the_librarys_own_initial_exec_problem()
        {
            // musl stops at the missing ld-linux-x86-64.so.2 while mapping libfoo.so's closure ("needed by libbar.so"), before
            // it relocates libfoo.so's initial-exec reference: libbar.so is the root cause, named once.
            using var libraries = new FakeLibraries();
            var foo = libraries.Add("app/libfoo.so", new LibrarySpec { Soname = "libfoo.so", Needed = new[] { "libbar.so", "libc.so.6" }, Runpath = new[] { "$ORIGIN" }, Imports = new[] { "tls_var" } });
            var bar = libraries.Add("app/libbar.so", new LibrarySpec { Soname = "libbar.so", Needed = new[] { "ld-linux-x86-64.so.2", "libc.so.6" }, Tls = 4, Defines = new[] { "tls_var" } });
            var report = Analysis.Run(libraries, new AnalysisOptions { RuntimeIdentifier = "linux-musl-x64", SystemLibraries = SystemLibraries.Off }, foo, bar);
            var library = report.Library(foo);
            Assert.Equal(Verdict.Fails, library.Verdict);
            Assert.Equal(new[] { "libfoo.so", "libbar.so" }, library.Chain);
            Assert.Equal(bar, Assert.Single(report.WithId("TLS009")).FilePath);
            Assert.Empty(report.WithId("TLS011"));
            Assert.Empty(report.WithId("TLS001"));
        }

        [Fact]
        public void A_dependency_that_was_not_given_and_will_not_load_is_reported_once_naming_everything_that_needs_it()
        {
            using var libraries = new FakeLibraries();
            var foo = libraries.Add("app/libfoo.so", new LibrarySpec { Soname = "libfoo.so", Needed = new[] { "libbar.so", "libc.so.6" }, Runpath = new[] { "$ORIGIN/deps" } });
            var baz = libraries.Add("app/libbaz.so", new LibrarySpec { Soname = "libbaz.so", Needed = new[] { "libbar.so", "libc.so.6" }, Runpath = new[] { "$ORIGIN/deps" } });
            var bar = libraries.Add("app/deps/libbar.so", LibrarySpec.Clean("libbar.so", "libc.musl-x86_64.so.1"));
            var report = Analysis.Run(libraries, new AnalysisOptions { RuntimeIdentifier = "linux-x64", SystemLibraries = SystemLibraries.Off }, foo, baz);
            Assert.Equal(Verdict.Fails, report.Library(foo).Verdict);
            Assert.Equal(Verdict.Fails, report.Library(baz).Verdict);
            var finding = Assert.Single(report.WithId("TLS009"));
            Assert.Equal(bar, finding.FilePath);
            Assert.Equal(new[] { foo, baz }, finding.Properties["pulledInBy"].Split(';'));
            Assert.Contains("(needed by " + foo, finding.Message);
            Assert.Contains(baz + ")", finding.Message);
        }
    }
}
