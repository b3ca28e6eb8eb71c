using System;
using System.IO;
using System.Linq;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    /// <summary>The packages' Windows import libraries and Apple static archives: ar files with no ELF member, nothing to judge.</summary>
    public sealed class NonElfArchiveTests
    {
        private static readonly string[] AppleRids = { "ios", "iossimulator", "tvos", "tvossimulator", "maccatalyst", "osx" };

        [Fact]
        public void A_folder_of_coff_import_libraries_and_mach_o_static_archives_passes_fail_on_any()
        {
            var cache = RealPackageCache.Instance;
            var archives = cache.Facts.OtherBinaries
                .Where(b => b.Kind == "ar" && (b.Path.EndsWith(".lib", StringComparison.Ordinal)
                    || (b.Path.EndsWith(".a", StringComparison.Ordinal) && b.Rid != null && AppleRids.Any(r => b.Rid == r || b.Rid.StartsWith(r + "-", StringComparison.Ordinal)))))
                .ToList();
            Assert.Contains(archives, a => a.Path.EndsWith(".lib", StringComparison.Ordinal));
            Assert.Contains(archives, a => a.Path.EndsWith(".a", StringComparison.Ordinal));

            using var folder = new TempDirectory("non-elf-archives");
            foreach (var archive in archives)
            {
                var source = Path.Combine(cache.PackageFolder(archive.Package, archive.Version), archive.Path);
                // readelf, the independent judge: not one member has an ELF header.
                var readelf = ChildProcess.Run("readelf", new[] { "-h", source });
                Assert.DoesNotContain("ELF Header:", readelf.Output);
                folder.Copy(source, Path.Combine(archive.Package, archive.Path));
            }

            var report = CliReport.Scan(new[] { folder.Path }, "--fail-on", "any");
            Assert.True(report.ExitCode == 0, report.Command + "\n" + string.Join("\n", report.Findings.Select(f => f.Id + " " + f.File + ": " + f.Message)));
            Assert.DoesNotContain(report.Findings, f => f.Level is "warning" or "error");
        }
    }
}
