using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace TlsGuard.Cli.Tests
{
    /// <summary>
    /// The documented install, for real: `dotnet pack src/TlsGuard.Cli -o FEED` (shared, see <see cref="ToolFeed"/>),
    /// then `dotnet tool install --tool-path` from that feed with an isolated NuGet config and packages folder, as on
    /// this linux-x64 machine (the native AOT executable) and as on machines the feed has no native package for.
    /// </summary>
    public sealed class ToolPackageTests
    {
        private static readonly string[] NativeRuntimes = { "linux-x64", "linux-arm64" };
        private static readonly string[] FrameworkDependentRuntimes = { "linux-musl-x64", "linux-musl-arm64", "any" };

        [Fact]
        public void One_pack_fills_the_feed_with_the_pointer_and_every_package_it_points_to()
        {
            var runtimes = NativeRuntimes.Concat(FrameworkDependentRuntimes).ToArray();
            Assert.Equal(
                new[] { ToolFeed.PointerPackageId }.Concat(runtimes.Select(ToolFeed.RuntimePackageId)).Select(id => id + "." + ToolInfo.Version + ".nupkg").OrderBy(n => n, StringComparer.Ordinal),
                Directory.GetFiles(ToolFeed.Directory, "*.nupkg").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));

            var pointer = ToolSettings(ToolFeed.PointerPackageId, "tools/any/any/DotnetToolSettings.xml");
            Assert.Equal(
                runtimes.Select(rid => (rid, ToolFeed.RuntimePackageId(rid))),
                pointer.Descendants("RuntimeIdentifierPackage").Select(p => ((string)p.Attribute("RuntimeIdentifier")!, (string)p.Attribute("Id")!)));

            foreach (var rid in NativeRuntimes)
            {
                var command = Assert.Single(ToolSettings(ToolFeed.RuntimePackageId(rid), "tools/any/" + rid + "/DotnetToolSettings.xml").Descendants("Command"));
                Assert.Equal("executable", (string?)command.Attribute("Runner"));
                Assert.Equal(
                    new[] { "tools/any/" + rid + "/DotnetToolSettings.xml", "tools/any/" + rid + "/tlsguard" },
                    PackageFiles(ToolFeed.RuntimePackageId(rid)));
            }

            foreach (var rid in FrameworkDependentRuntimes)
            {
                var command = Assert.Single(ToolSettings(ToolFeed.RuntimePackageId(rid), "tools/net10.0/any/DotnetToolSettings.xml").Descendants("Command"));
                Assert.Equal("dotnet", (string?)command.Attribute("Runner"));
                Assert.Equal("tlsguard.dll", (string?)command.Attribute("EntryPoint"));
                Assert.DoesNotContain(PackageFiles(ToolFeed.RuntimePackageId(rid)), file => file.EndsWith(".pdb", StringComparison.Ordinal) || file.EndsWith(".dbg", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void On_linux_x64_the_installed_command_is_the_native_executable_and_scans()
        {
            using var temp = new TempDirectory("tool");
            var tool = InstalledTool.Install(temp);

            Assert.Equal("tlsguard.tool.linux-x64", tool.RuntimePackageId);
            var program = ProgramFile.Read(tool.Program);
            Assert.True(program.IsExecutable, program.ToString());
            Assert.Equal("Advanced Micro Devices X86-64", program.Machine);
            Assert.True(program.HoldsCompiledManagedCode, tool.Program + ": no __managedcode section, so not a native AOT build");
            Assert.Equal(new[] { "any/linux-x64/DotnetToolSettings.xml", "any/linux-x64/tlsguard" }, tool.ToolFiles);

            var version = tool.Run("--version");
            Assert.True(version.ExitCode == 0, version.ToString());
            Assert.Equal(ToolInfo.Version, version.Output.Trim());

            var sarif = temp.Combine("tlsguard.sarif");
            var scan = tool.Run("scan", Repo.Jemalloc, "--format", "sarif", "--output", sarif);
            Assert.True(scan.ExitCode == 1, scan.ToString());
            var (valid, details) = SarifSchemaValidator.Validate(File.ReadAllText(sarif));
            Assert.True(valid, details);
            var results = JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("runs")[0].GetProperty("results");
            Assert.Contains(results.EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "TLS001");

            // The rule pages are embedded resources: the native executable carries them too.
            var explain = tool.Run("explain", "TLS001");
            Assert.True(explain.ExitCode == 0, explain.ToString());
            Assert.Contains(File.ReadAllLines(RepositoryRoot.Combine("docs", "rules", "TLS001.md")).First(l => l.Length > 0), explain.Output);
        }

        [Theory]
        [InlineData("linux-riscv64", "tlsguard.tool.any")]
        [InlineData("linux-musl-x64", "tlsguard.tool.linux-musl-x64")]
        public void A_machine_without_a_native_package_gets_the_framework_dependent_tool_and_it_runs(string runtimeIdentifier, string expectedPackage)
        {
            using var temp = new TempDirectory("tool");
            var tool = InstalledTool.Install(temp, runtimeIdentifier);

            // linux-musl-x64 imports linux-x64 in the RID graph: without its own entry it would get the glibc executable.
            Assert.Equal(expectedPackage, tool.RuntimePackageId);
            Assert.Contains("net10.0/any/tlsguard.dll", tool.ToolFiles);
            Assert.False(ProgramFile.Read(tool.Program).HoldsCompiledManagedCode, tool.Program + " is the apphost shim, not compiled code");

            var scan = tool.Run("scan", RepositoryRoot.Fixture("x86_64-gcc", "libie_own.so"));
            Assert.True(scan.ExitCode == 1, scan.ToString());
            Assert.Contains("TLS001", scan.Output);
        }

        [Fact]
        public void On_linux_arm64_the_installed_command_is_an_AArch64_native_executable_that_runs_under_qemu()
        {
            using var temp = new TempDirectory("tool");
            var tool = InstalledTool.Install(temp, "linux-arm64");

            Assert.Equal("tlsguard.tool.linux-arm64", tool.RuntimePackageId);
            var program = ProgramFile.Read(tool.Program);
            Assert.True(program.IsExecutable, program.ToString());
            Assert.Equal("AArch64", program.Machine);
            Assert.True(program.HoldsCompiledManagedCode, tool.Program + ": no __managedcode section, so not a native AOT build");

            // qemu-user with Debian's arm64 cross C library (scripts/install-test-deps.sh), as the loader tests use it.
            const string Sysroot = "/usr/aarch64-linux-gnu";
            var scan = ChildProcess.Run("qemu-aarch64", new[] { "-L", Sysroot, tool.Command, "scan", RepositoryRoot.Fixture("aarch64-gcc", "libie_own.so"), "--format", "json" }, temp.Path, tool.Environment);
            Assert.True(scan.ExitCode == 1, scan.ToString());
            var report = JsonDocument.Parse(scan.Output).RootElement;
            var file = Assert.Single(report.GetProperty("files").EnumerateArray());
            Assert.Equal("aarch64", file.GetProperty("machine").GetString());
            Assert.Equal("fails", file.GetProperty("verdict").GetString());
            Assert.Contains(report.GetProperty("findings").EnumerateArray(), finding => finding.GetProperty("id").GetString() == "TLS001");
        }

        private static XDocument ToolSettings(string packageId, string entry)
        {
            using var package = ZipFile.OpenRead(ToolFeed.Package(packageId));
            using var stream = (package.GetEntry(entry) ?? throw new InvalidOperationException(packageId + " has no " + entry)).Open();
            return XDocument.Load(stream);
        }

        /// <summary>The package's tools/ entries: what an install lays down.</summary>
        private static string[] PackageFiles(string packageId)
        {
            using var package = ZipFile.OpenRead(ToolFeed.Package(packageId));
            return package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        }
    }
}
