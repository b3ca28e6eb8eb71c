using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The libraries the host process loaded before any P/Invoke. Their TLS sits in the startup area (it never takes
    /// surplus), and initial-exec references into them cost nothing on any loader.
    /// </summary>
    public sealed class StartupSet
    {
        /// <summary>The dotnet host (dotnet/apphost link libstdc++, libm, libgcc_s, libc) on glibc, plus the C runtimes of musl, FreeBSD and bionic.</summary>
        public static IReadOnlyList<string> DotnetHostLibraries { get; } = new[]
        {
            "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "ld-linux-*.so.*", "ld-linux.so.*", "ld64.so.*",
            "libstdc++.so.6", "libgcc_s.so.1",
            "libc.musl-*.so.1", "ld-musl-*.so.1", "libc.so",
            "libc.so.7", "libthr.so.3", "libm.so.5", "ld-elf.so.1", "libc++.so.1", "libcxxrt.so.1",
            "libm.so", "libdl.so", "liblog.so", "ld-android.so",
        };

        /// <summary>
        /// A native AOT executable: DT_NEEDED is libm, libc and the loader only (measured on the .NET 10.0.12 LoadProbe,
        /// readelf -d), no libstdc++ or libgcc_s; plus the other C libraries' runtimes.
        /// </summary>
        public static IReadOnlyList<string> NativeAotLibraries { get; } = new[]
        {
            "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "ld-linux-*.so.*", "ld-linux.so.*", "ld64.so.*",
            "libc.musl-*.so.1", "ld-musl-*.so.1", "libc.so",
            "libc.so.7", "libthr.so.3", "libm.so.5", "ld-elf.so.1",
            "libm.so", "libdl.so", "liblog.so", "ld-android.so",
        };

        /// <summary>A C program linked only against libc (the loader tests' dlopen host).</summary>
        public static IReadOnlyList<string> BareCHostLibraries { get; } = new[]
        {
            "libc.so.6", "ld-linux-*.so.*", "ld-linux.so.*", "ld64.so.*", "libc.musl-*.so.1", "ld-musl-*.so.1", "libc.so",
        };

        private readonly IReadOnlyList<string> _patterns;
        private readonly Memo<string, bool> _known = new Memo<string, bool>(System.StringComparer.Ordinal);

        /// <param name="patterns">The sonames given (TlsGuardStartupLibraries, --startup-lib); null: the host's own set.</param>
        /// <param name="host">The kind of host, whose startup set is used when none is given.</param>
        public StartupSet(IReadOnlyList<string>? patterns, HostKind host = HostKind.Dotnet)
        {
            _patterns = patterns ?? (host == HostKind.CProgram ? BareCHostLibraries : host == HostKind.NativeAot ? NativeAotLibraries : DotnetHostLibraries);
        }

        public IReadOnlyList<string> Patterns => _patterns;

        public bool Contains(string? soname)
        {
            if (string.IsNullOrEmpty(soname))
            {
                return false;
            }

            // Asked for every DT_NEEDED name of every closure: each name is matched against the patterns once.
            return _known.Get(soname!, this, static (name, set) => set.Matches(name));
        }

        private bool Matches(string soname)
        {
            foreach (var pattern in _patterns)
            {
                if (NamePattern.Matches(pattern, soname))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
