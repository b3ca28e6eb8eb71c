using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    /// <summary>
    /// Every verdict this machine can check, checked by a real load of the same file in the same folder: the CLI's JSON
    /// verdict (with its TLS009/TLS011) for each library of the consumer app's glibc x64 folder (NativeLibrary.Load in a
    /// child dotnet), its musl publish (the musl-gcc C host) and its arm64 folder (a C host under qemu-aarch64 with
    /// Debian's arm64 C library, given to TlsGuard as the sysroot and glibc version).
    /// </summary>
    [Collection(ConsumerAppCollection.Name)]
    public sealed class VerdictAgreementTests
    {
        private readonly ConsumerAppFixture _app;

        public VerdictAgreementTests(ConsumerAppFixture app) => _app = app;

        [Fact]
        public void Glibc_x64_verdicts_of_a_rid_less_build_agree_with_native_library_load()
        {
            var folder = Path.Combine(_app.App.OutputFolder(), "runtimes", "linux-x64");
            // The load happens on this machine's glibc, so the model is asked about that version: unversioned, the
            // check judges the worst glibc .NET supports (before 2.32 any static TLS user is at risk).
            var report = CliReport.Scan(new[] { folder }, "--rid", "linux-x64", "--libc", "glibc-" + MachineGlibc.Version, "--fail-on", "never");
            var judged = AssertAgree(report, _app.Loaders.Glibc, report.Files);
            Assert.Contains(judged, f => f.FileName == "librocksdb-jemalloc.so" && f.Verdict == "fails");
            Assert.Contains(judged, f => f.FileName == "lib_lightgbm.so" && f.Verdict == "fits");
        }

        [Fact]
        public void Musl_verdicts_of_a_musl_publish_agree_with_the_musl_loader()
        {
            var folder = _app.App.PublishFolder("linux-musl-x64");
            var report = CliReport.Scan(new[] { folder }, "--rid", "linux-musl-x64", "--fail-on", "never");
            // The apphost is an executable, not a library: nothing dlopens it.
            var judged = AssertAgree(report, _app.Loaders.Musl, report.Files.Where(f => f.FileName != Path.GetFileNameWithoutExtension(_app.App.ProjectPath)));
            Assert.Contains(judged, f => f.FileName == "libzstd.so" || f.FileName == "lib_lightgbm.so");
        }

        [Fact]
        public void Arm64_verdicts_for_the_qemu_sysroot_agree_with_its_loader()
        {
            // No --libc: the glibc version is read from the sysroot's own libc.so.6, as the loader under qemu will be.
            var version = ChildProcess.Run("dpkg-query", new[] { "-W", "-f=${Version}", "libc6-arm64-cross" }).Output;
            var glibc = string.Join(".", version.Split('-')[0].Split('.').Take(2));
            var folder = Path.Combine(_app.App.OutputFolder(), "runtimes", "linux-arm64");
            var report = CliReport.Scan(new[] { folder }, "--rid", "linux-arm64", "--sysroot", RealLoaders.Aarch64Sysroot, "--fail-on", "never");
            Assert.Contains(report.Findings, f => f.Id == "TLS009" && f.Message.Contains("will not load on glibc " + glibc, StringComparison.Ordinal));
            var judged = AssertAgree(report, _app.Loaders.Aarch64, report.Files);

            // LLamaSharp's arm64 build needs GLIBC_2.38; what needs it fails with it, including what only pulls it in.
            Assert.Contains(judged, f => f.FileName == "libggml-base.so" && f.Verdict == "fails");
            Assert.Contains(judged, f => f.FileName == "libggml.so" && f.Verdict == "fails" && f.Chain.Count > 1);
        }

        private IReadOnlyList<CliFile> AssertAgree(CliReport report, RealLoader loader, IEnumerable<CliFile> files)
        {
            var libraries = files.Where(f => f.Type == "dyn").ToList();
            Assert.NotEmpty(libraries);
            var loads = _app.Loaders.Load(loader, libraries.Select(f => f.Path));
            var missing = report.MissingNames;
            var disagreements = libraries
                .Select(f => LoadAgreement.Check(f.Path, LoadClaim.FromReport(report, f), loads[Path.GetFullPath(f.Path)], loader, missing, _app.Loaders.HostLibraries))
                .OfType<string>()
                .ToList();
            Assert.True(disagreements.Count == 0, report.Command + "\n" + string.Join("\n", disagreements));
            return libraries;
        }
    }
}
