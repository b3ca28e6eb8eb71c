using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TlsGuard.PackageLab
{
    /// <summary>
    /// The loaders this machine has for the targets it can check: glibc x86-64 (NativeLibrary.Load in a child dotnet),
    /// musl x86-64 (the musl-gcc C host) and glibc arm64 (a C host under qemu-aarch64 with Debian's arm64 C library).
    /// Each file is loaded once per loader, in its own process.
    /// </summary>
    public sealed class RealLoaders
    {
        public const string Aarch64Sysroot = "/usr/aarch64-linux-gnu";

        private readonly ConcurrentDictionary<(string Loader, string Path), LoadRecord> _loads = new();
        private readonly Lazy<ISet<string>> _hostLibraries = new(Readelf.DotnetHostLibraries);

        public RealLoaders(RealPackageCache cache)
        {
            Glibc = new RealLoader("dotnet NativeLibrary.Load (glibc " + MachineGlibc.Version + ", x86_64)", "glibc", new DotnetLoadHost(), IsDotnetHost: true);
            Musl = new RealLoader("musl C host (dlopen, x86_64)", "musl", CLoadHost.Musl(cache), IsDotnetHost: false);
            Aarch64 = new RealLoader("glibc C host under qemu-aarch64", "glibc", CLoadHost.Aarch64(cache), IsDotnetHost: false, LibraryFolder: Aarch64Sysroot + "/lib");
        }

        public RealLoader Glibc { get; }
        public RealLoader Musl { get; }
        public RealLoader Aarch64 { get; }

        /// <summary>What every .NET process has loaded before a P/Invoke (readelf of this machine's shared runtime).</summary>
        public ISet<string> HostLibraries => _hostLibraries.Value;

        /// <summary>The loader that loads files of a RID folder on this machine, or null when there is none here.</summary>
        public RealLoader? For(string? rid) => rid switch
        {
            "linux-x64" => Glibc,
            "linux-musl-x64" => Musl,
            "linux-arm64" => Aarch64,
            _ => null,
        };

        public IReadOnlyDictionary<string, LoadRecord> Load(RealLoader loader, IEnumerable<string> paths)
        {
            var all = paths.Select(Path.GetFullPath).Distinct().ToList();
            var pending = all.Where(p => !_loads.ContainsKey((loader.Name, p))).ToList();
            foreach (var (path, record) in pending.Zip(loader.Host.LoadEach(pending)))
            {
                _loads[(loader.Name, path)] = record;
            }

            return all.ToDictionary(p => p, p => _loads[(loader.Name, p)], StringComparer.Ordinal);
        }

        public LoadRecord Load(RealLoader loader, string path) => Load(loader, new[] { path }).Values.Single();

        /// <summary>runtimes/&lt;rid&gt;/... → rid, reading the path as the file system does (empty segments ignored).</summary>
        public static string? RidOf(string relativePath)
        {
            var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            var index = Array.FindIndex(parts, p => p == "runtimes");
            return index >= 0 && index + 2 < parts.Length ? parts[index + 1] : null;
        }
    }
}
