using System.CommandLine;
using System.Globalization;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Cli
{
    /// <summary>The inputs and analysis options `scan` and `baseline` share, and their mapping to <see cref="AnalysisOptions"/>.</summary>
    internal sealed class AnalysisOptionSet
    {
        public Argument<string[]> Paths { get; } = new Argument<string[]>("path")
        {
            Description = "Files, folders, archives (.nupkg, .whl, .apk, .tar, .tar.gz, docker save, OCI layout) or - (a tar on standard input) to check; folders are searched recursively for ELF files and ar archives.",
            Arity = ArgumentArity.OneOrMore,
        };

        public Option<string?> Libc { get; } = new Option<string?>("--libc")
        {
            Description = "The C library the application runs on: glibc, glibc-X.Y (e.g. glibc-2.28), musl, bionic, freebsd (default: from --rid, else glibc).",
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
            Description = "A sysroot whose lib folders are searched after --search (cross builds).",
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

        public Option<long?> OptionalStaticTls { get; } = new Option<long?>("--optional-static-tls")
        {
            HelpName = "bytes",
            Description = "glibc.rtld.optional_static_tls as the application runs with it (default 512).",
        };

        public AnalysisOptionSet()
        {
            SettingValidation.Require(SystemLibraries, SystemLibrariesNames.Accepted, value => SystemLibrariesNames.TryParse(value, out _));
            SettingValidation.Require(Libc, "glibc, glibc-X.Y (e.g. glibc-2.28), musl, bionic or freebsd", value => TargetLibc.TryParse(value, out _));
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
            command.Options.Add(OptionalStaticTls);
        }

        public AnalysisOptions ToOptions(ParseResult parseResult)
        {
            var startup = parseResult.GetValue(StartupLibraries) ?? new string[0];
            return new AnalysisOptions
            {
                TargetLibc = parseResult.GetValue(Libc),
                RuntimeIdentifier = parseResult.GetValue(Rid),
                SearchPaths = parseResult.GetValue(Search) ?? new string[0],
                Sysroot = parseResult.GetValue(Sysroot),
                StartupLibraries = startup.Length > 0 ? startup : null,
                SystemLibraries = SystemLibrariesNames.TryParse(parseResult.GetValue(SystemLibraries), out var system) ? system : Core.Analysis.SystemLibraries.Auto,
                OptionalStaticTls = parseResult.GetValue(OptionalStaticTls),
            };
        }
    }
}
