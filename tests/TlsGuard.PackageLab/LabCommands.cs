using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TlsGuard.Tests.Shared;

namespace TlsGuard.PackageLab
{
    /// <summary>
    /// The lab's measurements, written as JSON into the cache:
    ///   restore   restore.sh (packages + manifest.json)
    ///   loads     real loads of every linux-x64, linux-musl-x64 and linux-arm64 library -> loads.json
    ///   apps      the wide consumer app in four build/publish scenarios: what lands where, what really loads, and
    ///             what TlsGuard reports today (CLI and package) -> apps.json
    /// </summary>
    internal static class LabCommands
    {
        public static int Run(string[] args)
        {
            var cache = RealPackageCache.Instance;
            Console.WriteLine("package lab: " + cache.Root + " (" + cache.Facts.ElfFiles.Count + " ELF files in " + cache.Facts.Packages.Count + " packages)");
            foreach (var command in args)
            {
                switch (command)
                {
                    case "restore":
                        break;
                    case "loads":
                        Write(cache, "loads.json", Loads(cache));
                        break;
                    case "apps":
                        Write(cache, "apps.json", Apps(cache));
                        break;
                    default:
                        Console.Error.WriteLine("usage: TlsGuard.PackageLab [restore] [loads] [apps]");
                        return 2;
                }
            }

            return 0;
        }

        private static List<LabLoad> Loads(RealPackageCache cache)
        {
            var loads = new List<LabLoad>();
            loads.AddRange(LabLoads.InPackages(cache, "linux-x64 in package, dotnet", new DotnetLoadHost(), LabLoads.LinuxX64(cache)));
            loads.AddRange(LabLoads.InPackages(cache, "linux-x64 in package, glibc C host", CLoadHost.Glibc(cache), LabLoads.LinuxX64(cache)));
            loads.AddRange(LabLoads.InPackages(cache, "linux-musl-x64 in package, musl C host", CLoadHost.Musl(cache), LabLoads.LinuxMuslX64(cache)));
            loads.AddRange(LabLoads.InPackages(cache, "linux-x64 in package, musl C host", CLoadHost.Musl(cache), LabLoads.LinuxX64(cache)));
            loads.AddRange(LabLoads.InPackages(cache, "linux-arm64 in package, qemu-aarch64 C host", CLoadHost.Aarch64(cache), LabLoads.LinuxArm64(cache)));
            return loads;
        }

        private static AppsReport Apps(RealPackageCache cache)
        {
            var root = cache.Scratch("apps");
            var feed = Path.Combine(root, "feed");
            if (Directory.Exists(feed))
            {
                Directory.Delete(feed, recursive: true);
            }

            var tlsGuard = TlsGuardToday.Pack(feed);
            var scenarios = new List<AppScenario>();
            var folder = Path.Combine(root, "wide");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            // Restoring a fresh package version into the shared packages folder: drop the previous lab versions of TlsGuard.
            var stale = Path.Combine(cache.PackagesFolder, "tlsguard");
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }

            var app = new ConsumerApp(folder, cache, ConsumerApp.WidePackages, tlsGuard);
            var loaders = new RealLoaders(cache);
            const string Quiet = "-clp:NoSummary";

            var ridless = app.Build("-tl:off", Quiet).EnsureSuccess();
            scenarios.Add(Scenario("build (RID-less)", app.OutputFolder(), ridless, null, loaders, cache, "--rid", "linux-x64"));

            var musl = app.Build("-r", "linux-musl-x64", "-tl:off", Quiet).EnsureSuccess();
            scenarios.Add(Scenario("build -r linux-musl-x64", app.OutputFolder("linux-musl-x64"), musl, "linux-musl-x64", loaders, cache, "--rid", "linux-musl-x64"));

            var after = app.Build("-tl:off", Quiet).EnsureSuccess();
            scenarios.Add(Scenario("build after build -r linux-musl-x64 (stale other-RID folder)", app.OutputFolder(), after, null, loaders, cache, "--rid", "linux-x64"));

            var publishMusl = app.Publish("linux-musl-x64", "-tl:off", Quiet).EnsureSuccess();
            scenarios.Add(Scenario("publish -r linux-musl-x64", app.PublishFolder("linux-musl-x64"), publishMusl, "linux-musl-x64", loaders, cache, "--rid", "linux-musl-x64"));

            var publishGlibc = app.Publish("linux-x64", "-tl:off", Quiet).EnsureSuccess();
            scenarios.Add(Scenario("publish -r linux-x64", app.PublishFolder("linux-x64"), publishGlibc, "linux-x64", loaders, cache, "--rid", "linux-x64"));

            var loads = new List<LabLoad>();
            var dotnet = new DotnetLoadHost();
            loads.AddRange(LabLoads.InFolder(app.OutputFolder(), "build (RID-less): runtimes/linux-x64/native, dotnet", dotnet,
                f => f.RelativePath.StartsWith("runtimes/linux-x64/", StringComparison.Ordinal)));
            loads.AddRange(LabLoads.InFolder(app.PublishFolder("linux-x64"), "publish -r linux-x64, dotnet", dotnet, _ => true));
            loads.AddRange(LabLoads.InFolder(app.PublishFolder("linux-musl-x64"), "publish -r linux-musl-x64, musl C host", CLoadHost.Musl(cache), _ => true));

            // The project.assets.json native asset paths, as restore wrote them: where a package's separators come from.
            var assets = File.ReadAllText(Path.Combine(folder, "obj", "project.assets.json"));
            return new AppsReport(tlsGuard.Version, app.Packages.Select(p => p.Id + " " + p.Version).ToList(), scenarios, loads,
                OddAssetPaths(assets));
        }

        /// <summary>
        /// One build or publish: what landed, what the package logged, what the CLI reports, and each warning held against
        /// the real loader of the folder its file sits in (<paramref name="rid"/> null: a RID-less build, whose runtimes/RID
        /// folders and stale RID folders each have their own loader). Judged right away: later builds change the folders.
        /// </summary>
        private static AppScenario Scenario(string name, string folder, DotnetRun build, string? rid, RealLoaders loaders, RealPackageCache cache, params string[] cliOptions)
        {
            Console.WriteLine("scenario: " + name);
            var package = TlsGuardToday.FromBuild(name + " (package)", build);
            var cli = TlsGuardToday.Scan(name + " (CLI)", folder, cliOptions);
            var missing = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);
            ISet<string> MissingFor(string target)
            {
                if (!missing.TryGetValue(target, out var names))
                {
                    var runtimes = Path.Combine(folder, "runtimes", target);
                    var scanned = rid == null && Directory.Exists(runtimes) ? runtimes : folder;
                    names = CliReport.Scan(new[] { scanned }, "--fail-on", "never", "--rid", target).MissingNames;
                    missing[target] = names;
                }

                return names;
            }

            List<WarningTruth> Judge(IEnumerable<TlsGuardFinding> findings, Func<TlsGuardFinding, string> relativeOf, bool fromPackage)
            {
                var truths = new List<WarningTruth>();
                foreach (var finding in findings.Where(f => f.Id.StartsWith("TLS0", StringComparison.Ordinal) && f.Level is "warning" or "error"))
                {
                    var relative = relativeOf(finding);
                    var target = TargetOf(relative, rid);
                    if (rid != null && target == null)
                    {
                        truths.Add(new WarningTruth(finding.Id, relative, false, "another machine's file in a " + rid + " app: its process never maps it"));
                        continue;
                    }

                    var loader = target == null ? null : loaders.For(target);
                    truths.Add(WarningJudge.Judge(finding.Id, finding.Message, folder, relative, loader, loaders, cache, () => MissingFor(target!), fromPackage ? finding.File : null));
                }

                return truths;
            }

            var packageTruths = Judge(package.Findings, f => f.Message.Split(' ')[0], fromPackage: true);
            var cliTruths = Judge(cli.Findings, f => Path.GetRelativePath(folder, f.File).Replace('\\', '/'), fromPackage: false);
            var notes = cli.Findings.Where(f => f.Id == "TLS005").Select(NoteTruth).ToList();
            return new AppScenario(name, folder, OutputInventory.Of(folder), package, cli, packageTruths, cliTruths, notes);
        }

        /// <summary>
        /// The RID whose process loads a file of the folder: in a RID-less build the runtimes/RID folder it sits in (or the
        /// stale RID folder at the top); in a RID-specific build or publish that RID for files of its machine, none for
        /// another machine's files (that process never maps them).
        /// </summary>
        private static string? TargetOf(string relative, string? rid)
        {
            var top = relative.Split('/')[0];
            var own = RealLoaders.RidOf(relative) ?? (relative.Contains('/', StringComparison.Ordinal) && top.StartsWith("linux-", StringComparison.Ordinal) ? top : null);
            if (rid == null)
            {
                return own;
            }

            return own == null || own.Split('-')[^1] == rid.Split('-')[^1] ? rid : null;
        }

        /// <summary>
        /// A TLS005 note: where this machine stands in (glibc x86-64), a name it has would be noise and one it lacks is true
        /// (ldconfig -p); where it cannot, nothing here can tell and the note says so.
        /// </summary>
        private static WarningTruth NoteTruth(TlsGuardFinding note)
        {
            var name = System.Text.RegularExpressions.Regex.Match(note.Message, @"needs (\S+), which was not found").Groups[1].Value;
            if (note.Message.Contains("cannot stand in", StringComparison.Ordinal))
            {
                return new WarningTruth("TLS005", name, null, "this machine cannot stand in for the target");
            }

            var present = ChildProcess.Run("/sbin/ldconfig", new[] { "-p" }).Output.Contains("\t" + name + " ", StringComparison.Ordinal);
            return new WarningTruth("TLS005", name, !present, present ? "present on this machine (ldconfig -p)" : "absent from this machine (ldconfig -p)");
        }

        /// <summary>Asset paths in project.assets.json with a backslash or an empty segment.</summary>
        private static IReadOnlyList<string> OddAssetPaths(string assetsJson)
        {
            var odd = new SortedSet<string>(StringComparer.Ordinal);
            using var document = JsonDocument.Parse(assetsJson);
            foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    foreach (var group in library.Value.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
                    {
                        foreach (var asset in group.Value.EnumerateObject())
                        {
                            if (asset.Name.Contains('\\', StringComparison.Ordinal) || asset.Name.Contains("//", StringComparison.Ordinal))
                            {
                                odd.Add(library.Name + ": " + asset.Name);
                            }
                        }
                    }
                }
            }

            return odd.ToList();
        }

        private static void Write<T>(RealPackageCache cache, string name, T value)
        {
            var path = Path.Combine(cache.Root, name);
            File.WriteAllText(path, JsonSerializer.Serialize(value, ElfFactsManifest.Json));
            Console.WriteLine("wrote " + path);
        }
    }

    internal sealed record AppScenario(string Name, string Folder, IReadOnlyList<OutputFile> Files, TlsGuardRun Package, TlsGuardRun Cli,
        IReadOnlyList<WarningTruth> PackageTruths, IReadOnlyList<WarningTruth> CliTruths, IReadOnlyList<WarningTruth> CliNotes);

    internal sealed record AppsReport(string TlsGuardVersion, IReadOnlyList<string> Packages, IReadOnlyList<AppScenario> Scenarios,
        IReadOnlyList<LabLoad> Loads, IReadOnlyList<string> OddAssetPaths);
}
