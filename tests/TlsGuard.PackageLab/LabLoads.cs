using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TlsGuard.PackageLab
{
    /// <summary>One real load in one scenario; Package and File are null for files found in an app folder.</summary>
    public sealed record LabLoad(string Scenario, string? Package, string Path, LibcFamily? Libc, bool Loaded, string Message);

    /// <summary>The real loads the lab report is made of: every library of the cache, each in its own process.</summary>
    public static class LabLoads
    {
        /// <summary>linux-x64 libraries where the package puts them (runtimes/linux-x64/native, or its own linux-x64 folder), by NativeLibrary.Load.</summary>
        public static IEnumerable<ElfFileFacts> LinuxX64(RealPackageCache cache) =>
            cache.Facts.ElfFiles.Where(f => f.IsLoadable && f.Rid == "linux-x64" && f.Machine == "x86_64");

        public static IEnumerable<ElfFileFacts> LinuxMuslX64(RealPackageCache cache) =>
            cache.Facts.ElfFiles.Where(f => f.IsLoadable && f.Rid == "linux-musl-x64" && f.Machine == "x86_64");

        public static IEnumerable<ElfFileFacts> LinuxArm64(RealPackageCache cache) =>
            cache.Facts.ElfFiles.Where(f => f.IsLoadable && f.Rid == "linux-arm64" && f.Machine == "aarch64");

        public static IReadOnlyList<LabLoad> InPackages(RealPackageCache cache, string scenario, LabLoadHost host, IEnumerable<ElfFileFacts> libraries)
        {
            var list = libraries.ToList();
            var records = host.LoadEach(list.Select(cache.PathOf));
            return list.Zip(records, (facts, record) => new LabLoad(scenario, facts.Package, facts.Path, facts.Libc, record.Loaded, record.Message)).ToList();
        }

        /// <summary>Every ELF file of an app folder that a P/Invoke could load (shared objects, by magic), relative to the folder.</summary>
        public static IReadOnlyList<LabLoad> InFolder(string folder, string scenario, LabLoadHost host, System.Func<OutputFile, bool> select)
        {
            var files = OutputInventory.Of(folder).Where(f => f.Kind == "elf" && select(f)).ToList();
            var records = host.LoadEach(files.Select(f => Path.Combine(folder, f.RelativePath)));
            return files.Zip(records, (file, record) => new LabLoad(scenario, null, file.RelativePath, null, record.Loaded, record.Message)).ToList();
        }
    }
}
