using System.IO;
using System.Linq;
using TlsGuard.Core.Knowledge;
using TlsGuard.Core.Scanning;
using TlsGuard.LoaderTests.Loader.Lab;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>
    /// Every known-offender entry rests on a real binary: the Debian library is scanned, its TLS block and initial-exec
    /// relocations agree with readelf and with the entry's "Verified" line, and the entry recognises it
    /// (scripts/install-test-deps.sh installs the packages).
    /// </summary>
    public sealed class KnownOffenderBinaryTests
    {
        private const string Multiarch = "/usr/lib/x86_64-linux-gnu/";

        [Theory]
        [InlineData("libjemalloc.so.2", "jemalloc", 2632, 8)]
        [InlineData("libmimalloc.so.2", "mimalloc", 9, 8)]
        [InlineData("libtcmalloc_minimal.so.4", "gperftools (tcmalloc)", 88, 64)]
        [InlineData("libgomp.so.1", "libgomp (GCC OpenMP)", 136, 16)]
        [InlineData("libGLX_mesa.so.0", "Mesa / libglvnd", 8, 8)]
        [InlineData("libGLdispatch.so.0", "Mesa / libglvnd", 8, 8)]
        [InlineData("libasan.so.8", "AddressSanitizer runtime (libasan)", 84, 8)]
        [InlineData("libtsan.so.2", "ThreadSanitizer runtime (libtsan)", 785760, 64)]
        [InlineData("liblsan.so.0", "LeakSanitizer runtime (liblsan)", 56240, 8)]
        [InlineData("libubsan.so.1", "UndefinedBehaviorSanitizer runtime (libubsan)", 32, 8)]
        public void The_entry_names_a_real_binary_with_initial_exec_tls(string soname, string entry, long size, long align)
        {
            var path = Multiarch + soname;
            LoaderCache.Require(path, soname + " (scripts/install-test-deps.sh installs its Debian package)");
            var scan = ElfScanner.Scan(path).Single();
            var readelf = Readelf.Tls(path)!;
            Assert.Equal(readelf.Size, scan.TlsBlock!.Size);
            Assert.Equal(readelf.Align, scan.TlsBlock.Align);
            Assert.Equal(size, scan.TlsBlock.Size);
            Assert.Equal(align, scan.TlsBlock.Align);
            var initialExec = Readelf.TlsRelocations(path).Count(r => r.Type == "R_X86_64_TPOFF64");
            Assert.True(initialExec > 0, soname + " has no R_X86_64_TPOFF64");
            Assert.Equal(initialExec, scan.StaticTlsRelocations["R_X86_64_TPOFF64"]);

            var known = KnownOffenders.Match(scan.Soname, Path.GetFileName(path), scan.DefinedTlsSymbols);
            Assert.Equal(entry, known?.Name);
            Assert.Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture), known!.Verified);
        }
    }
}
