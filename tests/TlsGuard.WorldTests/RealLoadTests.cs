using System;
using System.Collections.Generic;
using System.Linq;
using TlsGuard.PackageLab;

namespace TlsGuard.WorldTests
{
    /// <summary>
    /// What really happens when the lab's libraries are loaded on this machine (Debian 12, glibc 2.36, x86-64), each in
    /// its own process: the outcomes the loader model must predict. Each library sits where its package put it.
    /// </summary>
    public sealed class RealLoadTests
    {
        private static readonly RealPackageCache Cache = RealPackageCache.Instance;
        private static readonly Lazy<IReadOnlyList<LabLoad>> DotnetLoads = new(() =>
            LabLoads.InPackages(Cache, "dotnet", new DotnetLoadHost(), LabLoads.LinuxX64(Cache)));
        private static readonly Lazy<IReadOnlyList<LabLoad>> MuslLoads = new(() =>
            LabLoads.InPackages(Cache, "musl", CLoadHost.Musl(Cache), LabLoads.LinuxMuslX64(Cache).Concat(LabLoads.LinuxX64(Cache).Where(f => f.Libc == LibcFamily.Glibc))));

        private static LabLoad Dotnet(string package, string fileName) => DotnetLoads.Value.Single(l => l.Package == package && l.Path.EndsWith("/" + fileName, StringComparison.Ordinal));

        private static LabLoad Musl(string package, string path) => MuslLoads.Value.Single(l => l.Package == package && l.Path == path);

        [Fact]
        public void A_package_library_loads_through_the_system_libgomp_and_its_initial_exec_tls()
        {
            var lightGbm = Dotnet("LightGBM", "lib_lightgbm.so");
            Assert.True(lightGbm.Loaded, lightGbm.Message);
        }

        [Fact]
        public void A_package_library_linked_against_the_system_jemalloc_fails_for_static_tls_in_jemalloc()
        {
            var rocksDb = Dotnet("RocksDB", "librocksdb-jemalloc.so");
            Assert.False(rocksDb.Loaded);
            Assert.Contains("libjemalloc.so.2: cannot allocate memory in static TLS block", rocksDb.Message);
        }

        [Fact]
        public void Small_initial_exec_blocks_in_package_libraries_fit_the_glibc_surplus()
        {
            Assert.True(Dotnet("Tokenizers.DotNet.runtime.linux-x64", "libhf_tokenizers.so").Loaded);
            Assert.True(Dotnet("libtorch-cpu-linux-x64", "libgomp-98b21ff3.so.1").Loaded);
        }

        [Fact]
        public void Glibc_libraries_fail_only_for_a_missing_library_a_missing_symbol_or_static_tls()
        {
            foreach (var load in DotnetLoads.Value.Where(l => !l.Loaded))
            {
                var missingFile = load.Message.Contains("cannot open shared object file: No such file or directory", StringComparison.Ordinal);
                var missingSymbol = load.Message.Contains("undefined symbol: ", StringComparison.Ordinal);
                var staticTls = load.Message.Contains("cannot allocate memory in static TLS block", StringComparison.Ordinal);
                Assert.True(missingFile || missingSymbol || staticTls, load.Path + ": " + load.Message);
            }
        }

        [Fact]
        public void A_musl_build_in_the_glibc_rid_folder_does_not_load_under_glibc()
        {
            foreach (var name in new[] { "alpine-librdkafka.so", "librocksdb-musl.so" })
            {
                var load = DotnetLoads.Value.Single(l => l.Path == "runtimes/linux-x64/native/" + name);
                Assert.False(load.Loaded);
                Assert.Contains("libc.musl-x86_64.so.1: cannot open shared object file", load.Message);
            }
        }

        [Fact]
        public void Glibc_only_libraries_in_a_musl_process_fail_for_glibc_symbols_or_libraries_never_for_tls()
        {
            var glibc = MuslLoads.Value.Where(l => l.Libc == LibcFamily.Glibc).ToList();
            Assert.NotEmpty(glibc);
            Assert.DoesNotContain(glibc, l => !l.Loaded && (l.Message.Contains("static TLS", StringComparison.Ordinal) || l.Message.Contains("initial-exec", StringComparison.Ordinal)));
            var zstd = Musl("ZstdNet", "runtimes/linux-x64/native/libzstd.so");
            Assert.False(zstd.Loaded);
            Assert.Contains("__memcpy_chk: symbol not found", zstd.Message);
            var renamedGomp = Musl("libtorch-cpu-linux-x64", "runtimes/linux-x64/native/libgomp-98b21ff3.so.1");
            Assert.Contains("__vfprintf_chk: symbol not found", renamedGomp.Message);
            var harfBuzz = Musl("HarfBuzzSharp.NativeAssets.Linux", "runtimes/linux-x64/native/libHarfBuzzSharp.so");
            Assert.Contains("Error loading shared library ld-linux-x86-64.so.2: No such file or directory", harfBuzz.Message);
        }

        [Fact]
        public void Some_glibc_linked_libraries_load_in_a_musl_process_because_musl_answers_for_libc_so_6_itself()
        {
            // musl's loader takes any DT_NEEDED "libc.*" (and libpthread, libm, libdl, librt...) as itself and ignores
            // symbol versions: a glibc build that calls only what musl also exports loads.
            var ports = Musl("runtime.linux-x64.runtime.native.System.IO.Ports", "runtimes/linux-x64/native/libSystem.IO.Ports.Native.so");
            Assert.True(ports.Loaded, ports.Message);
            Assert.Contains("libc.so.6", Cache.Facts.Single("runtime.linux-x64.runtime.native.System.IO.Ports", "libSystem.IO.Ports.Native.so").Needed);
        }

        [Fact]
        public void Musl_builds_that_need_only_the_c_library_load_in_the_musl_host()
        {
            var onlyLibc = LabLoads.LinuxMuslX64(Cache).Where(f => f.Needed.All(n => n is "libc.so" or "libc.musl-x86_64.so.1")).ToList();
            Assert.True(onlyLibc.Count >= 5, string.Join(", ", onlyLibc));
            foreach (var facts in onlyLibc)
            {
                var load = Musl(facts.Package, facts.Path);
                Assert.True(load.Loaded, facts + ": " + load.Message);
            }
        }

        [Fact]
        public void Arm64_libraries_load_under_qemu_unless_they_need_a_newer_glibc()
        {
            var host = CLoadHost.Aarch64(Cache);
            var sodium = host.Load(Cache.PathOf(Cache.Facts.ElfFiles.Single(f => f.Package == "libsodium" && f.Rid == "linux-arm64")));
            Assert.True(sodium.Loaded, sodium.Message);
            var llama = host.Load(Cache.PathOf(Cache.Facts.ElfFiles.Single(f => f.Package == "LLamaSharp.Backend.Cpu" && f.Rid == "linux-arm64" && f.FileName == "libggml-base.so")));
            Assert.False(llama.Loaded);
            Assert.Contains("version `GLIBC_2.38' not found", llama.Message);
        }
    }
}
