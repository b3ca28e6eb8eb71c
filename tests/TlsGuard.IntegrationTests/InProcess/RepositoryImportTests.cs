using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.IntegrationTests.Infrastructure;

namespace TlsGuard.IntegrationTests.InProcess
{
    /// <summary>build/TlsGuard.props and .targets evaluated and built in process, with the task freshly built from src/.</summary>
    public class RepositoryImportTests
    {
        private const string OwnLibrary = """
              <ItemGroup>
                <None Include="native/libie_own.so" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            """;

        [Fact]
        public void Evaluation_sets_the_documented_defaults_and_hooks()
        {
            using var scratch = new TempDirectory("eval");
            var project = InProcessBuild.Evaluate(RepositoryImportProject.Create(scratch, ""));

            Assert.Equal("true", project.GetPropertyValue("TlsGuardEnabled"));
            Assert.Equal("warning", project.GetPropertyValue("TlsGuardSeverity"));
            Assert.Equal("CopyFilesToOutputDirectory", project.GetPropertyValue("TlsGuardAfterTargets"));
            Assert.Equal("", project.GetPropertyValue("TlsGuardFailOn"));
            Assert.Contains(project.GetItems("CompilerVisibleItemMetadata"), item => item.EvaluatedInclude == "AdditionalFiles" && item.GetMetadataValue("MetadataName") == "TlsGuardKind");

            var targets = project.Targets;
            Assert.Equal("GenerateMSBuildEditorConfigFileCore;CoreCompile", targets["TlsGuardCheck"].BeforeTargets);
            Assert.Equal("$(TlsGuardAfterTargets)", targets["TlsGuardScanOutput"].AfterTargets);
            Assert.Equal("ComputeResolvedFilesToPublishList", targets["TlsGuardCheckPublish"].AfterTargets);
            Assert.Equal("GenerateNuspec", targets["TlsGuardCheckPack"].BeforeTargets);
        }

        [Fact]
        public void A_build_warns_about_the_project_library_and_hands_the_results_to_the_analyzer()
        {
            using var scratch = new TempDirectory("inproc");
            var library = scratch.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var projectPath = RepositoryImportProject.Create(scratch, OwnLibrary);

            var first = InProcessBuild.RestoreAndBuild(projectPath, null, "Build");

            Assert.True(first.Succeeded, first.Log.ToString());
            var warning = Assert.Single(first.Log.Tls("TLS001"));
            Assert.Equal(library, warning.File);
            Assert.Equal("https://github.com/tlsguard/tlsguard/blob/main/docs/rules/TLS001.md", warning.HelpLink);

            var resultsFile = first.Project.GetItems("AdditionalFiles").Single(item => item.GetMetadataValue("TlsGuardKind") == "ScanResults");
            var resultsPath = Path.Combine(scratch.Path, resultsFile.EvaluatedInclude);
            Assert.Equal("TlsGuard.libraries.tsv", Path.GetFileName(resultsPath));
            Assert.Contains(File.ReadAllLines(resultsPath), line => line.StartsWith("libie_own.so\tnative/libie_own.so\tfails\t", System.StringComparison.Ordinal));

            var editorConfig = Directory.GetFiles(Path.Combine(scratch.Path, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single();
            Assert.Contains("build_metadata.AdditionalFiles.TlsGuardKind = ScanResults", File.ReadAllText(editorConfig));

            var fileWrites = first.Project.GetItems("FileWrites").Select(item => Path.GetFileName(item.EvaluatedInclude)).ToList();
            Assert.Contains("TlsGuard.cache", fileWrites);
            Assert.Contains("TlsGuard.libraries.tsv", fileWrites);
            Assert.Contains("TlsGuard: 1 libraries, 1 read, 0 from cache", first.Log.CacheStatistics);
        }

        [Fact]
        public void A_rebuild_repeats_the_warning_from_the_cache()
        {
            using var scratch = new TempDirectory("inproc-again");
            scratch.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var projectPath = RepositoryImportProject.Create(scratch, OwnLibrary);
            InProcessBuild.RestoreAndBuild(projectPath, null, "Build");

            var second = InProcessBuild.Build(projectPath, null, "Build");

            Assert.True(second.Succeeded, second.Log.ToString());
            Assert.Single(second.Log.Tls("TLS001"));
            Assert.All(second.Log.CacheStatistics, line => Assert.Contains(" 0 read,", line));
            Assert.Contains("TlsGuard: 1 libraries, 0 read, 1 from cache, analysis reused", second.Log.CacheStatistics);

            // The results file is a compiler input: rewriting it unchanged would recompile on every build.
            Assert.Contains(second.Log.Messages, message => message.StartsWith("Skipping target \"CoreCompile\" because all output files are up-to-date", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Design_time_builds_scan_nothing_but_pass_the_last_results_on()
        {
            using var scratch = new TempDirectory("designtime");
            scratch.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var projectPath = RepositoryImportProject.Create(scratch, OwnLibrary);
            InProcessBuild.RestoreAndBuild(projectPath, null, "Build");

            var designTime = InProcessBuild.Build(
                projectPath,
                new Dictionary<string, string> { ["DesignTimeBuild"] = "true", ["SkipCompilerExecution"] = "true", ["ProvideCommandLineArgs"] = "true" },
                "Compile");

            Assert.True(designTime.Succeeded, designTime.Log.ToString());
            Assert.DoesNotContain("CheckNativeLibraries", designTime.Log.TasksRun);
            Assert.Empty(designTime.Log.Tls("TLS001"));
            Assert.Contains(designTime.Project.GetItems("AdditionalFiles"), item => item.GetMetadataValue("TlsGuardKind") == "ScanResults");
        }

        [Fact]
        public void TlsGuardEnabled_false_turns_everything_off()
        {
            using var scratch = new TempDirectory("disabled");
            scratch.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var projectPath = RepositoryImportProject.Create(scratch, """
                  <ItemGroup>
                    <None Include="native/libie_own.so" CopyToOutputDirectory="PreserveNewest" Pack="true" PackagePath="runtimes/linux-x64/native/" />
                  </ItemGroup>
                """);

            // Pack builds first: the build-time scans and the pack-time one are all off.
            var build = InProcessBuild.RestoreAndBuild(projectPath, new Dictionary<string, string> { ["TlsGuardEnabled"] = "false" }, "Pack");

            Assert.True(build.Succeeded, build.Log.ToString());
            Assert.Single(Directory.GetFiles(scratch.Combine("bin"), "*.nupkg", SearchOption.AllDirectories));
            Assert.DoesNotContain("CheckNativeLibraries", build.Log.TasksRun);
            Assert.DoesNotContain(build.Project.GetItems("AdditionalFiles"), item => item.GetMetadataValue("TlsGuardKind") == "ScanResults");
        }

        [Fact]
        public void A_package_made_from_a_nuspec_is_not_checked_at_pack_and_the_log_says_so()
        {
            using var scratch = new TempDirectory("nuspec");
            scratch.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            scratch.Write("App.nuspec", """
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>App</id><version>1.0.0</version><authors>tests</authors><description>nuspec pack</description></metadata>
                  <files><file src="native/libie_own.so" target="runtimes/linux-x64/native/" /></files>
                </package>
                """);
            // NuGet ignores the None item's PackagePath once NuspecFile is set; TlsGuard must not judge it either.
            var projectPath = RepositoryImportProject.Create(scratch, """
                  <PropertyGroup>
                    <NuspecFile>App.nuspec</NuspecFile>
                  </PropertyGroup>
                  <ItemGroup>
                    <None Include="native/libie_own.so" Pack="true" PackagePath="runtimes/linux-musl-x64/native/" />
                  </ItemGroup>
                """);

            var pack = InProcessBuild.RestoreAndBuild(projectPath, null, "Pack");

            Assert.True(pack.Succeeded, pack.Log.ToString());
            var package = Assert.Single(Directory.GetFiles(scratch.Combine("bin"), "*.nupkg", SearchOption.AllDirectories));
            using (var archive = System.IO.Compression.ZipFile.OpenRead(package))
            {
                var entries = archive.Entries.Select(entry => entry.FullName).ToList();
                Assert.Contains("runtimes/linux-x64/native/libie_own.so", entries);
                Assert.DoesNotContain(entries, entry => entry.Contains("linux-musl", System.StringComparison.Ordinal));
            }

            Assert.Empty(pack.Log.Tls("TLS001"));
            Assert.Contains("TlsGuard: App packs from App.nuspec; the files that nuspec lists are not checked at pack time", pack.Log.Messages);
        }

        [Fact]
        public void Severity_error_fails_the_build_with_TLS001()
        {
            using var scratch = new TempDirectory("severity");
            scratch.Copy(RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"), "native/libie_own.so");
            var projectPath = RepositoryImportProject.Create(scratch, OwnLibrary);

            var build = InProcessBuild.RestoreAndBuild(projectPath, new Dictionary<string, string> { ["TlsGuardSeverity"] = "error" }, "Build");

            Assert.False(build.Succeeded);
            Assert.Single(build.Log.Errors, error => error.Code == "TLS001");
        }
    }
}
