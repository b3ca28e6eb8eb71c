using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Elf;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>
    /// A real process that loads libraries in order and reports each outcome.
    /// Steps are library paths, or "--call=FUNC" to call int FUNC(void) from the library loaded just before.
    /// </summary>
    internal abstract class LoadHost
    {
        public abstract string Name { get; }

        public LoadOutcome Load(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string>? environment = null)
        {
            return LoadOutcome.Parse(Run(steps, environment), steps.Count(s => !s.StartsWith("--call=", StringComparison.Ordinal)));
        }

        /// <summary>Runs the host and returns its raw transcript (stderr carries the loader's LD_DEBUG output).</summary>
        public CommandResult Run(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string>? environment = null)
        {
            var command = Command(steps, Measured(environment));
            return ChildProcess.Run(command.File, command.Arguments, environment: command.Environment, timeout: TimeSpan.FromMinutes(2));
        }

        /// <summary>
        /// The program, its arguments and its environment changes (null removes a variable) for loading
        /// <paramref name="steps"/>; <paramref name="environment"/> is what the loaded program must see.
        /// </summary>
        protected abstract HostCommand Command(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string?> environment);

        /// <summary>The test's variables only: the parent's own tunables or preloads would change the budget being measured.</summary>
        private static Dictionary<string, string?> Measured(IReadOnlyDictionary<string, string>? environment)
        {
            var measured = new Dictionary<string, string?> { ["GLIBC_TUNABLES"] = null, ["LD_PRELOAD"] = null };
            foreach (var pair in environment ?? new Dictionary<string, string>())
            {
                measured[pair.Key] = pair.Value;
            }

            return measured;
        }
    }

    /// <summary>How to start a load host: the program, its arguments, and environment changes (null removes a variable).</summary>
    internal sealed record HostCommand(string File, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Environment);

    /// <summary>A load host the current model (LoadAnalyzer) describes: agreement tests predict with its options.</summary>
    internal abstract class ModeledLoadHost : LoadHost
    {
        /// <summary>The options that make LoadAnalyzer model this host.</summary>
        public abstract AnalysisOptions Options { get; }
    }

    /// <summary>`dotnet LoadProbe.dll`: NativeLibrary.Load in a fresh dotnet host, as a P/Invoke would.</summary>
    internal sealed class DotnetLoadHost : ModeledLoadHost
    {
        public override string Name => "dotnet (NativeLibrary.Load)";

        public override AnalysisOptions Options => new AnalysisOptions { Sysroot = "/" };

        /// <summary>LoadProbe.dll, built next to the tests by the project reference.</summary>
        public static string Probe
        {
            get
            {
                var probe = Path.Combine(AppContext.BaseDirectory, "LoadProbe.dll");
                if (!File.Exists(probe))
                {
                    throw new InvalidOperationException("LoadProbe.dll is missing next to the tests: " + probe);
                }

                return probe;
            }
        }

        protected override HostCommand Command(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string?> environment)
        {
            return new HostCommand(Muxer(), new[] { Probe }.Concat(steps).ToList(), environment);
        }

        public static string Muxer()
        {
            var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
            {
                return fromSdk;
            }

            return Toolchain.Which("dotnet") ?? throw new InvalidOperationException("the dotnet muxer is not on PATH");
        }
    }

    /// <summary>The bare C host (native/dlopen_host.c) run directly or under qemu-user with a sysroot.</summary>
    internal sealed class CLoadHost : ModeledLoadHost
    {
        private readonly FixtureSet _fixtures;
        private readonly string? _qemu;
        private readonly string? _qemuSysroot;
        private readonly AnalysisOptions _options;

        public CLoadHost(FixtureSet fixtures, string name, AnalysisOptions options, string? qemu = null, string? qemuSysroot = null)
        {
            _fixtures = fixtures;
            Name = name;
            _options = options;
            _qemu = qemu;
            _qemuSysroot = qemuSysroot;
        }

        public override string Name { get; }

        public override AnalysisOptions Options => _options;

        /// <summary>glibc C host on the build machine (x86_64): libc's 144 bytes of startup TLS; the version is read from / (glibc 2.36).</summary>
        public static CLoadHost Native(FixtureSet fixtures)
        {
            return new CLoadHost(fixtures, "C host (dlopen)", new AnalysisOptions
            {
                Sysroot = "/",
                StartupLibraries = StartupSet.BareCHostLibraries,
                Host = HostKind.CProgram,
            });
        }

        /// <summary>The aarch64 C host under qemu-user with the Debian arm64 cross C library.</summary>
        public static CLoadHost Aarch64(FixtureSet fixtures)
        {
            const string Sysroot = "/usr/aarch64-linux-gnu";
            var qemu = Toolchain.Which("qemu-aarch64") ?? throw new InvalidOperationException("qemu-aarch64 is not installed; run scripts/install-test-deps.sh");
            if (!File.Exists(Path.Combine(Sysroot, "lib", "libc.so.6")))
            {
                throw new InvalidOperationException(Sysroot + "/lib/libc.so.6 is missing; run scripts/install-test-deps.sh");
            }

            return new CLoadHost(fixtures, "C host (dlopen, qemu-aarch64)", new AnalysisOptions
            {
                Sysroot = Sysroot,
                StartupLibraries = StartupSet.BareCHostLibraries,
                Host = HostKind.CProgram,
            }, qemu, Sysroot);
        }

        /// <summary>A musl C host built with musl-gcc.</summary>
        public static CLoadHost Musl(FixtureSet fixtures)
        {
            return new CLoadHost(fixtures, "musl C host (dlopen)", new AnalysisOptions
            {
                TargetLibc = "musl",
                StartupLibraries = StartupSet.BareCHostLibraries,
                Host = HostKind.CProgram,
            });
        }

        protected override HostCommand Command(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string?> environment)
        {
            if (_qemu == null)
            {
                return new HostCommand(_fixtures.HostPath, steps, environment);
            }

            return new HostCommand(_qemu, new[] { "-L", _qemuSysroot!, _fixtures.HostPath }.Concat(steps).ToList(), environment);
        }
    }
}
