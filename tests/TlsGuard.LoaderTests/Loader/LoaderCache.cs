using System;
using System.IO;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>
    /// artifacts/loader-cache: the load hosts scripts/setup-loader-hosts.sh prepares once and reuses (arm64 and native-AOT
    /// LoadProbe, Debian 13's glibc 2.41 and a dotnet muxer bound to it). A missing piece fails the test with the command
    /// that makes it.
    /// </summary>
    internal static class LoaderCache
    {
        public const string SetupHint = "run scripts/setup-loader-hosts.sh (scripts/install-test-deps.sh calls it)";

        public static string Folder => RepositoryRoot.Combine("artifacts", "loader-cache");

        /// <summary>LoadProbe published self-contained for linux-arm64 (apphost, runtime pack, InvariantGlobalization).</summary>
        public static string Arm64Probe => Require(Path.Combine(Folder, "probe-linux-arm64", "LoadProbe"), "the linux-arm64 LoadProbe");

        public static string Arm64ProbeFolder => Path.GetDirectoryName(Arm64Probe)!;

        /// <summary>LoadProbe published with native AOT for linux-x64.</summary>
        public static string AotProbe => Require(Path.Combine(Folder, "probe-aot-linux-x64", "LoadProbe"), "the native-AOT LoadProbe");

        /// <summary>LoadProbe published as a single self-contained file (singlefilehost) for linux-x64.</summary>
        public static string SingleFileProbe => Require(Path.Combine(Folder, "probe-singlefile-linux-x64", "LoadProbe"), "the single-file linux-x64 LoadProbe");

        /// <summary>LoadProbe published as a single self-contained file (singlefilehost) for linux-arm64.</summary>
        public static string Arm64SingleFileProbe => Require(Path.Combine(Folder, "probe-singlefile-linux-arm64", "LoadProbe"), "the single-file linux-arm64 LoadProbe");

        /// <summary>Debian 13's libc6, libstdc++6 and libgcc-s1 unpacked: the folder holding libc.so.6 and the loader.</summary>
        public static string Glibc241Libraries => Path.GetDirectoryName(
            Require(Path.Combine(Folder, "glibc-2.41", "usr", "lib", "x86_64-linux-gnu", "libc.so.6"), "Debian 13's glibc 2.41"))!;

        /// <summary>The root Debian 13's packages were unpacked into (a sysroot: usr/lib/x86_64-linux-gnu inside).</summary>
        public static string Glibc241Root => Path.GetFullPath(Path.Combine(Glibc241Libraries, "..", "..", ".."));

        public static string Glibc241Loader => Require(Path.Combine(Glibc241Libraries, "ld-linux-x86-64.so.2"), "Debian 13's ld.so");

        /// <summary>A copy of the dotnet muxer whose interpreter and RPATH are the glibc 2.41 root.</summary>
        public static string Glibc241Muxer => Require(Path.Combine(Folder, "dotnet-glibc-2.41", "dotnet"), "the glibc 2.41 dotnet muxer");

        public static string Require(string path, string what)
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(what + " is missing (" + path + "); " + SetupHint);
            }

            return path;
        }

        /// <summary>A program the hosts need on PATH (qemu-aarch64, patchelf, readelf); fails with the script that installs it.</summary>
        public static string Program(string name)
        {
            return Toolchain.Which(name) ?? throw new InvalidOperationException(name + " is not installed; run scripts/install-test-deps.sh");
        }
    }
}
