using System.CommandLine;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Cli
{
    /// <summary>The inputs and analysis options `scan` and `baseline` share, and their mapping to <see cref="AnalysisOptions"/>.</summary>
    internal sealed class AnalysisOptionSet
    {
        public Argument<string[]> Paths { get; } = new Argument<string[]>("path")
        {
            Description = "Files or folders to check; folders are searched recursively for ELF files and ar archives.",
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
            Description = "A folder to resolve DT_NEEDED dependencies from (repeatable).",
        };

        public Option<string?> Sysroot { get; } = new Option<string?>("--sysroot")
        {
            Description = "A sysroot whose lib folders are searched after --search (cross builds).",
        };

        public Option<string[]> StartupLibraries { get; } = new Option<string[]>("--startup-lib")
        {
            Description = "A soname the host process loads before any P/Invoke (repeatable; default: the dotnet host's set).",
        };

        public Option<long?> OptionalStaticTls { get; } = new Option<long?>("--optional-static-tls")
        {
            Description = "glibc.rtld.optional_static_tls as the application runs with it (default 512).",
        };

        public AnalysisOptionSet()
        {
            Libc.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string?>();
                if (value != null && !TargetLibc.TryParse(value, out _))
                {
                    result.AddError("--libc '" + value + "' is not a C library; use glibc, glibc-X.Y, musl, bionic or freebsd.");
                }
            });
            OptionalStaticTls.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<long?>() < 0)
                {
                    result.AddError("--optional-static-tls must be 0 or more bytes.");
                }
            });
        }

        public void AddTo(Command command)
        {
            command.Arguments.Add(Paths);
            command.Options.Add(Libc);
            command.Options.Add(Rid);
            command.Options.Add(Search);
            command.Options.Add(Sysroot);
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
                OptionalStaticTls = parseResult.GetValue(OptionalStaticTls),
            };
        }
    }
}
