using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Elf;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>
    /// A real process that loads libraries in order and reports each outcome, with the analysis options that describe it.
    /// Steps are library paths, or "--call=FUNC" to call int FUNC(void) from the library loaded just before.
    /// </summary>
    internal abstract class LoadHost
    {
        public abstract string Name { get; }

        /// <summary>The options that make LoadAnalyzer model this host.</summary>
        public abstract AnalysisOptions Options { get; }

        public LoadOutcome Load(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string>? environment = null)
        {
            var (file, arguments) = Command(steps);
            var result = ChildProcess.Run(file, arguments, environment: Measured(environment), timeout: TimeSpan.FromMinutes(2));
            return LoadOutcome.Parse(result, steps.Count(s => !s.StartsWith("--call=", StringComparison.Ordinal)));
        }

        protected abstract (string File, IReadOnlyList<string> Arguments) Command(IReadOnlyList<string> steps);

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

    /// <summary>`dotnet LoadProbe.dll`: NativeLibrary.Load in a fresh dotnet host, as a P/Invoke would.</summary>
    internal sealed class DotnetLoadHost : LoadHost
    {
        public override string Name => "dotnet (NativeLibrary.Load)";

        public override AnalysisOptions Options => new AnalysisOptions { Sysroot = "/" };

        protected override (string File, IReadOnlyList<string> Arguments) Command(IReadOnlyList<string> steps)
        {
            var probe = Path.Combine(AppContext.BaseDirectory, "LoadProbe.dll");
            if (!File.Exists(probe))
            {
                throw new InvalidOperationException("LoadProbe.dll is missing next to the tests: " + probe);
            }

            return (Muxer(), new[] { probe }.Concat(steps).ToList());
        }

        private static string Muxer()
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
    internal sealed class CLoadHost : LoadHost
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

        /// <summary>glibc C host on the build machine (x86_64): libc's 144 bytes of startup TLS.</summary>
        public static CLoadHost Native(FixtureSet fixtures)
        {
            return new CLoadHost(fixtures, "C host (dlopen)", new AnalysisOptions
            {
                Sysroot = "/",
                StartupLibraries = StartupSet.BareCHostLibraries,
                StartupStaticTlsBytes = MachineTlsLayout.For(ElfPlatform.FromName("x86_64")!.Value).BareHostStartupBytes,
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
                StartupStaticTlsBytes = MachineTlsLayout.For(ElfPlatform.FromName("aarch64")!.Value).BareHostStartupBytes,
            }, qemu, Sysroot);
        }

        /// <summary>A musl C host built with musl-gcc.</summary>
        public static CLoadHost Musl(FixtureSet fixtures)
        {
            return new CLoadHost(fixtures, "musl C host (dlopen)", new AnalysisOptions
            {
                TargetLibc = "musl",
                StartupLibraries = StartupSet.BareCHostLibraries,
            });
        }

        protected override (string File, IReadOnlyList<string> Arguments) Command(IReadOnlyList<string> steps)
        {
            if (_qemu == null)
            {
                return (_fixtures.HostPath, steps);
            }

            return (_qemu, new[] { "-L", _qemuSysroot!, _fixtures.HostPath }.Concat(steps).ToList());
        }
    }
}
