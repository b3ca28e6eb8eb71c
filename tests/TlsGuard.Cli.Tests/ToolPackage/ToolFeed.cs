using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace TlsGuard.Cli.Tests
{
    /// <summary>
    /// The TlsGuard.Tool feed that `dotnet pack src/TlsGuard.Cli -o FEED` makes (the pointer package, native AOT
    /// packages for linux-x64 and linux-arm64, framework-dependent ones for musl and any), packed once and shared by
    /// the tests that install the tool. Compiling two native executables takes about a minute, so the feed is kept
    /// under artifacts/test-cache, keyed by a hash of everything the tool is built from: a rerun with unchanged
    /// sources reuses it. The pack runs on a private copy of those sources, so it neither races the test run's own
    /// build nor rewrites the obj folders of the projects under test; it restores into a test-local packages folder.
    /// </summary>
    internal static class ToolFeed
    {
        public const string PointerPackageId = "TlsGuard.Tool";

        private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(15);
        private static readonly Lazy<string> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The folder feed holding every TlsGuard.Tool package of this source tree.</summary>
        public static string Directory => Packed.Value;

        public static string Package(string packageId) => Path.Combine(Directory, packageId + "." + ToolInfo.Version + ".nupkg");

        /// <summary>The package that `dotnet tool install` picks for <paramref name="runtimeIdentifier"/>.</summary>
        public static string RuntimePackageId(string runtimeIdentifier) => PointerPackageId + "." + runtimeIdentifier;

        private static string CacheRoot => RepositoryRoot.Combine("artifacts", "test-cache");

        private static string Pack()
        {
            var sources = ToolSources().ToList();
            var key = ContentKey(sources);
            var entry = Path.Combine(CacheRoot, "tool-feed", key);
            var feed = Path.Combine(entry, "feed");
            var complete = Path.Combine(entry, "complete");
            if (File.Exists(complete))
            {
                return feed;
            }

            RemoveOtherEntries(entry);
            if (System.IO.Directory.Exists(entry))
            {
                System.IO.Directory.Delete(entry, recursive: true);
            }

            var copy = Path.Combine(entry, "source");
            foreach (var source in sources)
            {
                var target = Path.Combine(copy, source);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(RepositoryRoot.Combine(source), target);
            }

            var environment = new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = Path.Combine(CacheRoot, "nuget-packages"),
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                // No MSBuild node outlives the pack.
                ["MSBUILDDISABLENODEREUSE"] = "1",
            };
            var pack = ChildProcess.Run(
                "dotnet",
                new[] { "pack", Path.Combine(copy, "src", "TlsGuard.Cli", "TlsGuard.Cli.csproj"), "-c", BuildConfiguration.Name, "-o", feed, "-nologo", "-p:UseSharedCompilation=false" },
                copy,
                environment,
                PackTimeout);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack of the tool failed:\n" + pack);
            }

            // The copy's obj and bin hold two self-contained builds (hundreds of MB); only the feed is reused.
            System.IO.Directory.Delete(copy, recursive: true);
            File.WriteAllText(complete, pack.Elapsed.ToString());
            return feed;
        }

        /// <summary>Repository-relative paths of what the tool package is built from.</summary>
        private static IEnumerable<string> ToolSources()
        {
            foreach (var project in new[] { "TlsGuard.Cli", "TlsGuard.Core" })
            {
                var folder = RepositoryRoot.Combine("src", project);
                foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(folder, file);
                    var top = relative.Split(Path.DirectorySeparatorChar)[0];
                    if (top != "bin" && top != "obj")
                    {
                        yield return Path.Combine("src", project, relative);
                    }
                }
            }

            foreach (var page in System.IO.Directory.EnumerateFiles(RepositoryRoot.Combine("docs", "rules"), "TLS*.md"))
            {
                yield return Path.Combine("docs", "rules", Path.GetFileName(page));
            }

            yield return "Directory.Build.props";
            yield return "Directory.Packages.props";
            yield return "global.json";
        }

        /// <summary>A hash of the sources' paths and bytes and of the SDK that packs them.</summary>
        private static string ContentKey(IEnumerable<string> sources)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes(SdkVersion() + "\n" + BuildConfiguration.Name + "\n"));
            foreach (var source in sources.OrderBy(path => path, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(source.Replace('\\', '/') + "\0"));
                hash.AppendData(File.ReadAllBytes(RepositoryRoot.Combine(source)));
            }

            return Convert.ToHexString(hash.GetHashAndReset()).Substring(0, 16).ToLowerInvariant();
        }

        private static string SdkVersion()
        {
            var version = ChildProcess.Run("dotnet", new[] { "--version" }, RepositoryRoot.Path);
            if (version.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet --version failed:\n" + version);
            }

            return version.Output.Trim();
        }

        /// <summary>Feeds of earlier source trees are never used again.</summary>
        private static void RemoveOtherEntries(string keep)
        {
            var parent = Path.GetDirectoryName(keep)!;
            if (!System.IO.Directory.Exists(parent))
            {
                return;
            }

            foreach (var stale in System.IO.Directory.GetDirectories(parent).Where(path => path != keep))
            {
                System.IO.Directory.Delete(stale, recursive: true);
            }
        }
    }
}
