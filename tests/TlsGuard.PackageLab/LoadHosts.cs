using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TlsGuard.Tests.Shared;

namespace TlsGuard.PackageLab
{
    /// <summary>What one real load of one library did: loaded, or the loader's own error text.</summary>
    public sealed record LoadRecord(string Host, string Library, bool Loaded, string Message)
    {
        /// <summary>glibc's "cannot allocate memory in static TLS block", or musl's refusal of initial-exec TLS.</summary>
        public bool IsStaticTlsFailure => !Loaded && (Message.Contains("static TLS", StringComparison.Ordinal)
            || Message.Contains("initial-exec", StringComparison.Ordinal));
    }

    /// <summary>
    /// A real process that loads one library and reports the outcome. Each library gets its own process, so nothing
    /// an earlier load brought in (an already-loaded soname) can satisfy a later library's DT_NEEDED.
    /// </summary>
    public abstract class LabLoadHost
    {
        /// <summary>The loader's inputs only: the parent's tunables, preloads or library path would change the outcome.</summary>
        private static readonly IReadOnlyDictionary<string, string?> CleanEnvironment = new Dictionary<string, string?>
        {
            ["GLIBC_TUNABLES"] = null,
            ["LD_PRELOAD"] = null,
            ["LD_LIBRARY_PATH"] = null,
        };

        public abstract string Name { get; }

        public LoadRecord Load(string library)
        {
            var (file, arguments) = Command(library);
            var result = ChildProcess.Run(file, arguments, environment: CleanEnvironment, timeout: TimeSpan.FromMinutes(2));
            foreach (var line in result.Output.Split('\n'))
            {
                if (line == "ok " + library)
                {
                    return new LoadRecord(Name, library, true, "");
                }

                if (line.StartsWith("fail " + library + ": ", StringComparison.Ordinal))
                {
                    return new LoadRecord(Name, library, false, line.Substring(("fail " + library + ": ").Length).Trim());
                }
            }

            // The loader died before reporting (a constructor that crashed, a host that could not start): that is an outcome too.
            return new LoadRecord(Name, library, false, "host exited " + result.ExitCode + " without a report: " + (result.Error + result.Output).Trim());
        }

        /// <summary>Loads each library in its own process, two at a time (the machine has two cores).</summary>
        public IReadOnlyList<LoadRecord> LoadEach(IEnumerable<string> libraries)
        {
            var list = libraries.ToList();
            var records = new LoadRecord[list.Count];
            Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => records[i] = Load(list[i]));
            return records;
        }

        protected abstract (string File, IReadOnlyList<string> Arguments) Command(string library);
    }

    /// <summary>NativeLibrary.Load in a fresh `dotnet LoadProbe.dll`, exactly as a P/Invoke would load the file (glibc, this machine).</summary>
    public sealed class DotnetLoadHost : LabLoadHost
    {
        public override string Name => "dotnet NativeLibrary.Load (glibc " + MachineGlibc.Version + ", x86_64)";

        protected override (string File, IReadOnlyList<string> Arguments) Command(string library)
        {
            var probe = Path.Combine(AppContext.BaseDirectory, "LoadProbe.dll");
            if (!File.Exists(probe))
            {
                throw new InvalidOperationException("LoadProbe.dll is missing next to " + AppContext.BaseDirectory);
            }

            return (Muxer(), new[] { probe, library });
        }

        public static string Muxer()
        {
            var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
            {
                return fromSdk;
            }

            return Tools.Which("dotnet") ?? throw new InvalidOperationException("the dotnet muxer is not on PATH");
        }
    }

    /// <summary>The C dlopen host (tests/TlsGuard.LoaderTests/native/dlopen_host.c) built for one C library.</summary>
    public sealed class CLoadHost : LabLoadHost
    {
        private readonly string _host;
        private readonly IReadOnlyList<string> _prefix;

        private CLoadHost(string name, string host, IReadOnlyList<string> prefix)
        {
            Name = name;
            _host = host;
            _prefix = prefix;
        }

        public override string Name { get; }

        /// <summary>
        /// Built with musl-gcc: musl's own dynamic linker (/lib/ld-musl-x86_64.so.1) and search path
        /// (/etc/ld-musl-x86_64.path). This machine has no musl builds of libstdc++, libgcc_s or libgomp.
        /// </summary>
        public static CLoadHost Musl(RealPackageCache cache) =>
            new CLoadHost("musl C host (dlopen, x86_64)", Build(cache, "musl-gcc", "dlopen_host_musl"), Array.Empty<string>());

        /// <summary>Built with gcc: glibc dlopen in a bare process (no .NET host libraries loaded first).</summary>
        public static CLoadHost Glibc(RealPackageCache cache) =>
            new CLoadHost("glibc C host (dlopen, x86_64)", Build(cache, "gcc", "dlopen_host_glibc"), Array.Empty<string>());

        /// <summary>Built with aarch64-linux-gnu-gcc and run by qemu-aarch64 with Debian's arm64 cross C library as the sysroot.</summary>
        public static CLoadHost Aarch64(RealPackageCache cache)
        {
            const string Sysroot = "/usr/aarch64-linux-gnu";
            var qemu = Tools.Which("qemu-aarch64") ?? throw new InvalidOperationException("qemu-aarch64 is missing: run scripts/install-test-deps.sh");
            var host = Build(cache, "aarch64-linux-gnu-gcc", "dlopen_host_aarch64");
            return new CLoadHost("glibc C host (dlopen, aarch64 under qemu-user, sysroot " + Sysroot + ")", qemu, new[] { "-L", Sysroot, host });
        }

        protected override (string File, IReadOnlyList<string> Arguments) Command(string library) =>
            (_host, _prefix.Concat(new[] { library }).ToList());

        private static string Build(RealPackageCache cache, string compiler, string name)
        {
            var source = Path.Combine(AppContext.BaseDirectory, "native", "dlopen_host.c");
            var output = Path.Combine(cache.Scratch("hosts"), name);
            if (File.Exists(output) && File.GetLastWriteTimeUtc(output) >= File.GetLastWriteTimeUtc(source))
            {
                return output;
            }

            if (Tools.Which(compiler) == null)
            {
                throw new InvalidOperationException(compiler + " is missing: run scripts/install-test-deps.sh");
            }

            var temporary = output + "." + Guid.NewGuid().ToString("N");
            var result = ChildProcess.Run(compiler, new[] { "-O1", "-o", temporary, source, "-ldl" });
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(compiler + " could not build the load host:\n" + result);
            }

            File.Move(temporary, output, overwrite: true);
            return output;
        }
    }

    internal static class Tools
    {
        public static string? Which(string program)
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, program))
                .FirstOrDefault(File.Exists);
        }
    }
}
