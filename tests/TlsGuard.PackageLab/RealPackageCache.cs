using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Tests.Shared;

namespace TlsGuard.PackageLab
{
    /// <summary>
    /// The package lab's cache: the packages of packages.txt restored (by restore.sh, once; later calls only check its
    /// stamp) into a test-local NuGet packages folder, and readelf's facts about every ELF file in them.
    /// The cache is $TLSGUARD_PACKAGE_LAB, else &lt;repo&gt;/artifacts/package-lab; ~/.nuget/packages is never used.
    /// </summary>
    public sealed class RealPackageCache
    {
        private static readonly Lazy<RealPackageCache> Shared = new Lazy<RealPackageCache>(() => Restore(DefaultRoot));
        private readonly Lazy<ElfFactsManifest> _facts;
        private readonly Lazy<ILookup<string, ElfFileFacts>> _factsBySha;

        private RealPackageCache(string root)
        {
            Root = root;
            _facts = new Lazy<ElfFactsManifest>(() => ElfFactsManifest.Read(ManifestPath));
            _factsBySha = new Lazy<ILookup<string, ElfFileFacts>>(() => Facts.ElfFiles.ToLookup(f => f.Sha256, StringComparer.Ordinal));
        }

        /// <summary>The cache of this process, restored on first use (the first restore downloads ~650 MB).</summary>
        public static RealPackageCache Instance => Shared.Value;

        public static string DefaultRoot =>
            Environment.GetEnvironmentVariable("TLSGUARD_PACKAGE_LAB") is { Length: > 0 } fromEnvironment
                ? Path.GetFullPath(fromEnvironment)
                : RepositoryRoot.Combine("artifacts", "package-lab");

        public static string ScriptFolder => RepositoryRoot.Combine("tests", "TlsGuard.PackageLab");

        public string Root { get; }

        /// <summary>The NuGet packages folder: pass it as RestorePackagesPath (or --packages) to consumers of lab packages.</summary>
        public string PackagesFolder => Path.Combine(Root, "packages");

        public string ManifestPath => Path.Combine(Root, "manifest.json");

        public ElfFactsManifest Facts => _facts.Value;

        /// <summary>The package list, in packages.txt's order.</summary>
        public static IReadOnlyList<(string Id, string Version)> PackageList()
        {
            return File.ReadLines(Path.Combine(ScriptFolder, "packages.txt"))
                .Select(line => line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(fields => fields.Length >= 2)
                .Select(fields => (fields[0], fields[1]))
                .ToList();
        }

        public static RealPackageCache Restore(string root)
        {
            var result = ChildProcess.Run("bash", new[] { Path.Combine(ScriptFolder, "restore.sh"), root }, timeout: TimeSpan.FromMinutes(30));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("restoring the package lab into " + root + " failed:\n" + result);
            }

            return new RealPackageCache(Path.GetFullPath(root));
        }

        public string PackageFolder(string id, string version) => Path.Combine(PackagesFolder, id.ToLowerInvariant(), version.ToLowerInvariant());

        /// <summary>The file on disk that <paramref name="facts"/> describes.</summary>
        public string PathOf(ElfFileFacts facts) => Path.Combine(PackageFolder(facts.Package, facts.Version), facts.Path);

        /// <summary>readelf's facts of the package file with the same content as <paramref name="path"/> (a copy in an app's output), if any.</summary>
        public ElfFileFacts? FactsOf(string path) => _factsBySha.Value[Sha256(path)].FirstOrDefault();

        public static string Sha256(string path)
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream)).ToLowerInvariant();
        }

        /// <summary>A scratch folder inside the cache (the compiled load hosts, the lab's consumer apps), created on demand.</summary>
        public string Scratch(params string[] relative)
        {
            var path = Path.Combine(new[] { Root }.Concat(relative).ToArray());
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
