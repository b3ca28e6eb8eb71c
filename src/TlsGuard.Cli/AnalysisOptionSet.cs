using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Files;

namespace TlsGuard.Cli
{
    /// <summary>The inputs and analysis options `scan` and `baseline` share, and their mapping to <see cref="AnalysisOptions"/>.</summary>
    internal sealed class AnalysisOptionSet
    {
        private const string LibcAccepted = "glibc, glibc-X.Y (e.g. glibc-2.28), musl, bionic, bionic-N (Android API level), or freebsd";

        public Argument<string[]> Paths { get; } = new Argument<string[]>("path")
        {
            Description = "Files, folders, archives (.nupkg, .whl, .apk, .tar, .tar.gz, docker save, OCI layout) or - (a tar on standard input) to check; folders are searched recursively for ELF files and ar archives.",
            Arity = ArgumentArity.OneOrMore,
        };

        public Option<string?> Libc { get; } = new Option<string?>("--libc")
        {
            Description = "The C library the application runs on: glibc, glibc-X.Y (e.g. glibc-2.41), musl, bionic, bionic-N (Android API level), freebsd "
                + "(default: from --rid, else glibc; glibc without a version is judged over every release .NET supports, the worst case reported, "
                + "unless --sysroot holds a libc.so.6).",
        };

        public Option<string?> Rid { get; } = new Option<string?>("--rid", "-r")
        {
            Description = "The runtime identifier the libraries are for (linux-musl-x64 selects musl, android-* bionic).",
        };

        public Option<string[]> Search { get; } = new Option<string[]>("--search")
        {
            HelpName = "dir",
            Description = "A folder to resolve DT_NEEDED dependencies from (repeatable).",
        };

        public Option<string?> Sysroot { get; } = new Option<string?>("--sysroot")
        {
            HelpName = "dir",
            Description = "A sysroot whose lib folders are searched after --search (cross builds); its libc.so.6 gives the glibc version and TLS block judged.",
        };

        public Option<string> SystemLibraries { get; } = new Option<string>("--system-libraries")
        {
            HelpName = "auto|on|off",
            Description = "Resolve DT_NEEDED names from this machine's library folders: auto (when this machine can stand in for the target: Linux, same machine, same C library, no --sysroot), on, off.",
            DefaultValueFactory = _ => "auto",
        };

        public Option<string[]> StartupLibraries { get; } = new Option<string[]>("--startup-lib")
        {
            HelpName = "soname",
            Description = "A soname the host process loads before any P/Invoke (repeatable; replaces the dotnet host's default set).",
        };

        public Option<string?> GlibcTunables { get; } = new Option<string?>("--glibc-tunables")
        {
            HelpName = "tunables",
            Description = "GLIBC_TUNABLES as the application runs with it, e.g. \"glibc.rtld.nns=9\" or \"glibc.rtld.optional_static_tls=1024:glibc.rtld.nns=6\" "
                + "(unknown names and out-of-range values are ignored, as glibc does).",
        };

        public Option<long?> OptionalStaticTls { get; } = new Option<long?>("--optional-static-tls")
        {
            HelpName = "bytes",
            Description = "Alias of --glibc-tunables glibc.rtld.optional_static_tls=N (wins over it when both are given).",
        };

        public Option<string?> Host { get; } = new Option<string?>("--host")
        {
            HelpName = "kind",
            Description = "The process that loads the libraries: dotnet (the muxer or an apphost, default), single-file, native-aot, c-program.",
        };

        public Option<string?> RuntimePack { get; } = new Option<string?>("--runtime-pack")
        {
            HelpName = "dir",
            Description = "A .NET runtime pack or shared runtime folder whose native libraries are the host's own (default: the runtime this tool runs on, "
                + "for libraries of its machine; the measured .NET 10 figures for others).",
        };

        public AnalysisOptionSet()
        {
            SettingValidation.Require(SystemLibraries, SystemLibrariesNames.Accepted, value => SystemLibrariesNames.TryParse(value, out _));
            SettingValidation.Require(Libc, LibcAccepted, value => TargetLibc.TryParse(value, out _));
            SettingValidation.Require(Host, HostKindNames.Accepted, value => HostKindNames.TryParse(value, out _));
            OptionalStaticTls.CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
                {
                    return bytes;
                }

                result.AddError("--optional-static-tls '" + text + "' is not a byte count (0 or more).");
                return null;
            };
        }

        public void AddTo(Command command)
        {
            command.Arguments.Add(Paths);
            command.Options.Add(Libc);
            command.Options.Add(Rid);
            command.Options.Add(Search);
            command.Options.Add(Sysroot);
            command.Options.Add(SystemLibraries);
            command.Options.Add(StartupLibraries);
            command.Options.Add(GlibcTunables);
            command.Options.Add(OptionalStaticTls);
            command.Options.Add(Host);
            command.Options.Add(RuntimePack);
        }

        public AnalysisOptions ToOptions(ParseResult parseResult)
        {
            var startup = parseResult.GetValue(StartupLibraries) ?? new string[0];
            HostKindNames.TryParse(parseResult.GetValue(Host), out var host);
            return new AnalysisOptions
            {
                TargetLibc = parseResult.GetValue(Libc),
                RuntimeIdentifier = parseResult.GetValue(Rid),
                SearchPaths = parseResult.GetValue(Search) ?? new string[0],
                Sysroot = parseResult.GetValue(Sysroot),
                StartupLibraries = startup.Length > 0 ? startup : null,
                SystemLibraries = SystemLibrariesNames.TryParse(parseResult.GetValue(SystemLibraries), out var system) ? system : Core.Analysis.SystemLibraries.Auto,
                GlibcTunables = parseResult.GetValue(GlibcTunables),
                OptionalStaticTls = parseResult.GetValue(OptionalStaticTls),
                Host = host,
                RuntimePack = parseResult.GetValue(RuntimePack) ?? InstalledRuntime(),
                FileSystem = DiskFileSystem.ForOneRun(),
                ScanThreads = Environment.ProcessorCount,
            };
        }

        /// <summary>The shared runtime this tool runs on (its libcoreclr.so and friends), on Linux; the core uses it only for libraries of its machine.</summary>
        private static string? InstalledRuntime()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return null;
            }

            var folder = RuntimeEnvironment.GetRuntimeDirectory();
            return File.Exists(Path.Combine(folder, "libcoreclr.so")) ? folder.TrimEnd('/') : null;
        }
    }
}
