using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TlsGuard.Tests.Shared;

namespace TlsGuard.PackageLab
{
    /// <summary>How a dotnet command ended.</summary>
    public sealed record DotnetRun(string Command, int ExitCode, string Output)
    {
        public DotnetRun EnsureSuccess() => ExitCode == 0 ? this : throw new InvalidOperationException(Command + " failed (exit " + ExitCode + "):\n" + Output);
    }

    /// <summary>
    /// A small console app that references lab packages the way a user would: nuget.config with the package source
    /// (and optionally a local feed holding the TlsGuard package), RestorePackagesPath = the lab's packages folder,
    /// a few [DllImport]s of the packages' libraries. Built and published with the real dotnet CLI.
    /// </summary>
    public sealed class ConsumerApp
    {
        public const string TargetFramework = "net10.0";

        /// <summary>A mid-sized set: glibc-only, musl-built, system-libgomp, Rust initial-exec and mixed-separator packages.</summary>
        public static readonly IReadOnlyList<string> TestPackages = new[]
        {
            "LightGBM", "SQLitePCLRaw.lib.e_sqlite3", "libsodium", "NetVips.Native.linux-x64", "NetVips.Native.linux-musl-x64",
            "Microsoft.PowerShell.Native", "LibGit2Sharp.NativeBinaries", "Cloud.Unum.USearch", "Tokenizers.DotNet.runtime.linux-x64",
            "RocksDB", "LLamaSharp.Backend.Cpu", "runtime.linux-x64.runtime.native.System.IO.Ports",
        };

        /// <summary>Everything in the lab that an app can reference without the 490 MB libtorch or the GPU-sized runtimes.</summary>
        public static readonly IReadOnlyList<string> WidePackages = TestPackages.Concat(new[]
        {
            "SkiaSharp.NativeAssets.Linux", "HarfBuzzSharp.NativeAssets.Linux", "librdkafka.redist", "Magick.NET-Q8-x64",
            "Secp256k1.Net", "ZstdNet", "Whisper.net.Runtime", "Grpc.Core", "Stub.System.Data.SQLite.Core.NetStandard",
            "Mono.Unix", "Microsoft.ML.CpuMath",
        }).ToList();

        private readonly RealPackageCache _cache;

        public ConsumerApp(string folder, RealPackageCache cache, IEnumerable<string> packages, TlsGuardReference? tlsGuard = null)
        {
            Folder = folder;
            _cache = cache;
            var versions = RealPackageCache.PackageList().ToDictionary(p => p.Id, p => p.Version, StringComparer.OrdinalIgnoreCase);
            Packages = packages.Select(id => (id, versions.TryGetValue(id, out var v) ? v : throw new ArgumentException(id + " is not in packages.txt"))).ToList();
            TlsGuard = tlsGuard;
            Write();
        }

        public string Folder { get; }
        public IReadOnlyList<(string Id, string Version)> Packages { get; }
        public TlsGuardReference? TlsGuard { get; }
        public string ProjectPath => Path.Combine(Folder, "LabApp.csproj");

        /// <summary>bin/&lt;configuration&gt;/net10.0[/&lt;rid&gt;]/</summary>
        public string OutputFolder(string? rid = null, string configuration = "Debug") =>
            rid == null ? Path.Combine(Folder, "bin", configuration, TargetFramework) : Path.Combine(Folder, "bin", configuration, TargetFramework, rid);

        public string PublishFolder(string rid, string configuration = "Release") => Path.Combine(OutputFolder(rid, configuration), "publish");

        public DotnetRun Build(params string[] arguments) => Dotnet(new[] { "build", ProjectPath }.Concat(arguments).ToArray());

        public DotnetRun Publish(string rid, params string[] arguments) =>
            Dotnet(new[] { "publish", ProjectPath, "-c", "Release", "-r", rid, "--self-contained", "false" }.Concat(arguments).ToArray());

        /// <summary>Runs the dotnet CLI in the app folder, with no build servers left behind and no MSBuild state inherited.</summary>
        public DotnetRun Dotnet(params string[] arguments)
        {
            var all = arguments.Concat(new[] { "-nologo", "-p:UseSharedCompilation=false", "--disable-build-servers" }).ToList();
            var result = ChildProcess.Run(DotnetLoadHost.Muxer(), all, Folder, DotNetEnvironment.Clean(), TimeSpan.FromMinutes(10));
            return new DotnetRun("dotnet " + string.Join(" ", arguments), result.ExitCode, result.Output + result.Error);
        }

        private void Write()
        {
            Directory.CreateDirectory(Folder);
            // The lab's cache may sit inside the repository (artifacts/): stop MSBuild's upward search for its props,
            // so the app is built as a user's project would be, without central package management or our analyzers.
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                File.WriteAllText(Path.Combine(Folder, name), "<Project />\n");
            }

            var feed = TlsGuard == null ? "" : $"\n    <add key=\"tlsguard\" value=\"{TlsGuard.FeedFolder}\" />";
            File.WriteAllText(Path.Combine(Folder, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />{feed}
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                  </packageSources>
                </configuration>
                """);
            var references = new StringBuilder();
            foreach (var (id, version) in Packages)
            {
                references.Append($"    <PackageReference Include=\"{id}\" Version=\"{version}\" />\n");
            }

            if (TlsGuard != null)
            {
                references.Append($"    <PackageReference Include=\"TlsGuard\" Version=\"{TlsGuard.Version}\" PrivateAssets=\"all\" />\n");
            }

            File.WriteAllText(ProjectPath, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>{TargetFramework}</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{_cache.PackagesFolder}</RestorePackagesPath>
                    <!-- Packages' own warnings (old frameworks, RID graph) are not what this app measures. -->
                    <NoWarn>$(NoWarn);NU1603;NU1701;NETSDK1206</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                {references}  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(Folder, "Program.cs"), """
                using System;
                using System.Runtime.InteropServices;

                internal static class Program
                {
                    [DllImport("lib_lightgbm")] private static extern IntPtr LGBM_GetLastError();
                    [DllImport("e_sqlite3")] private static extern IntPtr sqlite3_libversion();
                    [DllImport("sodium")] private static extern int sodium_init();
                    [DllImport("hf_tokenizers")] private static extern void free_string(IntPtr value);

                    private static int Main(string[] args)
                    {
                        if (args.Length == 0)
                        {
                            Console.WriteLine("lab app");
                            return 0;
                        }

                        Console.WriteLine(Marshal.PtrToStringAnsi(sqlite3_libversion()));
                        Console.WriteLine(sodium_init());
                        Console.WriteLine(Marshal.PtrToStringAnsi(LGBM_GetLastError()));
                        free_string(IntPtr.Zero);
                        return 0;
                    }
                }
                """);
        }
    }

    /// <summary>The TlsGuard package as a consumer gets it: a version in a local folder feed.</summary>
    public sealed record TlsGuardReference(string FeedFolder, string Version);
}
