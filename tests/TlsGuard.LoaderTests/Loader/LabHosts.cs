using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>
    /// A self-contained linux-arm64 LoadProbe run by qemu-aarch64 with Debian's arm64 cross C library as sysroot:
    /// NativeLibrary.Load on glibc 2.36 aarch64, where the runtime's own libraries use TLS descriptors.
    /// </summary>
    internal sealed class Arm64DotnetLoadHost : ModeledLoadHost
    {
        /// <summary>libc6-arm64-cross, libstdc++6-arm64-cross and libgcc-s1-arm64-cross install here.</summary>
        public const string Sysroot = "/usr/aarch64-linux-gnu";

        private readonly Func<string> _probe;
        private readonly HostKind _kind;

        private Arm64DotnetLoadHost(string name, Func<string> probe, HostKind kind)
        {
            Name = name;
            _probe = probe;
            _kind = kind;
        }

        /// <summary>apphost + the runtime pack's libraries beside it (hostfxr, hostpolicy, coreclr, clrjit are dlopen'ed).</summary>
        public static Arm64DotnetLoadHost SelfContained { get; } = new Arm64DotnetLoadHost(
            "dotnet linux-arm64 apphost (qemu-aarch64, glibc 2.36)", () => LoaderCache.Arm64Probe, HostKind.Dotnet);

        /// <summary>singlefilehost: the runtime linked into the executable.</summary>
        public static Arm64DotnetLoadHost SingleFile { get; } = new Arm64DotnetLoadHost(
            "dotnet linux-arm64 single-file (qemu-aarch64, glibc 2.36)", () => LoaderCache.Arm64SingleFileProbe, HostKind.SingleFile);

        public override string Name { get; }

        /// <summary>--rid linux-arm64 with the sysroot the guest runs on (its libc.so.6 says glibc 2.36); the built-in .NET 10 host figures.</summary>
        public override AnalysisOptions Options => new AnalysisOptions { RuntimeIdentifier = "linux-arm64", Sysroot = Sysroot, Host = _kind };

        public string Executable => _probe();

        /// <summary>Where the guest's loader finds the sysroot's libraries (the -L prefix plus its lib folder).</summary>
        public static IReadOnlyList<string> LibraryFolders => new[] { Path.Combine(Sysroot, "lib") };

        protected override HostCommand Command(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string?> environment)
        {
            var qemu = LoaderCache.Program("qemu-aarch64");
            LoaderCache.Require(Path.Combine(Sysroot, "lib", "libc.so.6"), "the arm64 cross C library (libc6-arm64-cross)");
            var probe = _probe();

            // qemu runs on the build machine's own glibc: variables meant for the guest's loader (LD_DEBUG, GLIBC_TUNABLES)
            // go through -E so they change only the emulated process; removals apply to both.
            var arguments = new List<string> { "-L", Sysroot, "-E", "DOTNET_EnableWriteXorExecute=0" };
            var hostEnvironment = new Dictionary<string, string?>();
            foreach (var pair in environment)
            {
                if (pair.Value == null)
                {
                    hostEnvironment[pair.Key] = null;
                }
                else
                {
                    arguments.Add("-E");
                    arguments.Add(pair.Key + "=" + pair.Value);
                }
            }

            arguments.Add(probe);
            arguments.AddRange(steps);
            return new HostCommand(qemu, arguments, hostEnvironment);
        }
    }

    /// <summary>A LoadProbe published as one native executable for linux-x64, whose own PT_TLS carries the runtime's TLS.</summary>
    internal sealed class ExecutableLoadHost : ModeledLoadHost
    {
        private readonly Func<string> _probe;
        private readonly HostKind _kind;

        private ExecutableLoadHost(string name, Func<string> probe, HostKind kind)
        {
            Name = name;
            _probe = probe;
            _kind = kind;
        }

        /// <summary>Native AOT: no libcoreclr, no libstdc++, only libm and libc.</summary>
        public static ExecutableLoadHost NativeAot { get; } = new ExecutableLoadHost("native AOT linux-x64 (glibc 2.36)", () => LoaderCache.AotProbe, HostKind.NativeAot);

        /// <summary>Single-file self-contained: singlefilehost links hostfxr, hostpolicy, coreclr and the JIT in.</summary>
        public static ExecutableLoadHost SingleFile { get; } = new ExecutableLoadHost("single-file linux-x64 (glibc 2.36)", () => LoaderCache.SingleFileProbe, HostKind.SingleFile);

        public override string Name { get; }

        /// <summary>This machine as the sysroot (glibc 2.36) and the host kind; the built-in .NET 10 figures.</summary>
        public override AnalysisOptions Options => new AnalysisOptions { Sysroot = "/", Host = _kind };

        public string Executable => _probe();

        protected override HostCommand Command(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string?> environment)
        {
            return new HostCommand(_probe(), steps, environment);
        }
    }

    /// <summary>
    /// `dotnet LoadProbe.dll` with a copy of the muxer whose interpreter and RPATH are Debian 13's glibc 2.41: libc,
    /// libstdc++ and libgcc_s come from that root, the runtime (host/, shared/) is the installed one.
    /// </summary>
    internal sealed class Glibc241DotnetLoadHost : ModeledLoadHost
    {
        public override string Name => "dotnet (glibc 2.41, Debian 13 loader)";

        /// <summary>--libc glibc-2.41 --sysroot &lt;the Debian 13 root&gt;: libc.so.6 (136 bytes of TLS) and libstdc++ read from it.</summary>
        public override AnalysisOptions Options => new AnalysisOptions { TargetLibc = "glibc-2.41", Sysroot = LoaderCache.Glibc241Root };

        protected override HostCommand Command(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string?> environment)
        {
            var muxer = LoaderCache.Glibc241Muxer;
            LoaderCache.Require(LoaderCache.Glibc241Loader, "Debian 13's ld.so");

            // ICU would come from the build machine's folders; invariant mode keeps every C++ library on the 2.41 root.
            var changed = new Dictionary<string, string?>(environment) { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" };
            return new HostCommand(muxer, new[] { DotnetLoadHost.Probe }.Concat(steps).ToList(), changed);
        }
    }

    /// <summary>The bare C host (native/dlopen_host.c) rebound with patchelf to Debian 13's glibc 2.41 loader and libc.</summary>
    internal sealed class Glibc241CLoadHost : LoadHost
    {
        private readonly Lazy<string> _host;

        public Glibc241CLoadHost(FixtureSet fixtures)
        {
            _host = new Lazy<string>(() => Bind(fixtures.HostPath, Path.Combine(fixtures.Folder, "dlopen_host-glibc-2.41")));
        }

        public override string Name => "C host (dlopen, glibc 2.41, Debian 13 loader)";

        /// <summary>
        /// Copies <paramref name="executable"/> and makes Debian 13's ld.so its interpreter and the 2.41 root its DT_RPATH
        /// (RPATH, unlike RUNPATH, also serves the libraries it loads later).
        /// </summary>
        public static string Bind(string executable, string copy)
        {
            var patchelf = LoaderCache.Program("patchelf");
            var libraries = LoaderCache.Glibc241Libraries;
            File.Copy(executable, copy, overwrite: true);
            var result = ChildProcess.Run(patchelf, new[]
            {
                "--set-interpreter", LoaderCache.Glibc241Loader, "--force-rpath", "--set-rpath", libraries, copy,
            });
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("patchelf failed on " + copy + ":\n" + result);
            }

            return copy;
        }

        protected override HostCommand Command(IReadOnlyList<string> steps, IReadOnlyDictionary<string, string?> environment)
        {
            return new HostCommand(_host.Value, steps, environment);
        }
    }
}
