using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>A module's TLS block as glibc records it: l_tls_blocksize (p_memsz), l_tls_align (p_align), l_tls_firstbyte_offset (p_vaddr mod p_align).</summary>
    internal sealed record TlsBlock(string Name, long Size, long Align, long FirstByteOffset)
    {
        /// <summary>A block like the ladder libraries': aligned to 1, no leading padding.</summary>
        public static TlsBlock Plain(string name, long size) => new TlsBlock(name, size, 1, 0);
    }

    internal enum TlsVariant
    {
        /// <summary>TLS_TCB_AT_TP (x86, s390, sparc): blocks sit below the thread pointer.</summary>
        TcbAtThreadPointer,

        /// <summary>TLS_DTV_AT_TP (aarch64, arm, ppc, riscv, mips, loongarch): blocks sit above the TCB.</summary>
        DtvAtThreadPointer,
    }

    /// <summary>
    /// One machine and glibc release, with the constants elf/dl-tls.c uses. Cited from bminor/glibc at tag glibc-2.36
    /// (340c063213cc) and glibc-2.41 (abfcddcc4963).
    /// </summary>
    internal sealed record GlibcTarget(string Machine, string Version, TlsVariant Variant, long TcbAlignment, long TcbSizeInUsed, bool AppendsRseqArea)
    {
        /// <summary>
        /// x86-64: TCB_ALIGNMENT 64 (sysdeps/x86/nptl/pthreaddef.h). TLS_TCB_SIZE is added to dl_tls_static_size and taken
        /// off the free bytes again in _dl_try_allocate_static_tls, so it cancels and is left out here.
        /// </summary>
        public static GlibcTarget X86_64(string version) => new GlibcTarget("x86_64", version, TlsVariant.TcbAtThreadPointer, 64, 0, AppendsRseq(version));

        /// <summary>
        /// aarch64: TCB_ALIGNMENT 32 (nptl/descr.h default), blocks start after the 16-byte tcbhead_t
        /// (TLS_TCB_SIZE, sysdeps/aarch64/nptl/tls.h), which dl_tls_static_used includes.
        /// </summary>
        public static GlibcTarget Aarch64(string version) => new GlibcTarget("aarch64", version, TlsVariant.DtvAtThreadPointer, 32, 16, AppendsRseq(version));

        /// <summary>glibc 2.41 appends the "extra TLS" (rseq area) block in _dl_determine_tlsoffset (commit 304221775c, "Add Linux 'extra TLS'").</summary>
        private static bool AppendsRseq(string version)
        {
            var parts = version.Split('.');
            return int.Parse(parts[0], CultureInfo.InvariantCulture) > 2 || int.Parse(parts[1], CultureInfo.InvariantCulture) >= 41;
        }
    }

    /// <summary>The glibc tunables that size the surplus (elf/dl-tunables.list; elf/dl-tls.c _dl_tls_static_surplus_init).</summary>
    internal sealed record GlibcTunables(int Namespaces = GlibcTunables.DefaultNamespaces, long OptionalStaticTls = GlibcTunables.DefaultOptionalStaticTls)
    {
        public const int DefaultNamespaces = 4;
        public const long DefaultOptionalStaticTls = 512;

        /// <summary>LIBC_IE_TLS and OTHER_IE_TLS (elf/dl-tls.c, 144 since 2.32).</summary>
        public const long IeTlsPerNamespace = 144;

        /// <summary>DL_NNS, the most namespaces glibc has.</summary>
        public const int MaxNamespaces = 16;

        public static GlibcTunables Defaults { get; } = new GlibcTunables();

        /// <summary>
        /// glibc.rtld.nns has the range 1..16 in dl-tunables.list; a value outside it is ignored and the default stays
        /// (measured: nns=17 gives the same budget as 4).
        /// </summary>
        public int EffectiveNamespaces => Namespaces >= 1 && Namespaces <= MaxNamespaces ? Namespaces : DefaultNamespaces;

        /// <summary>
        /// dl_tls_static_surplus = tls_static_surplus(nns, opt) + LEGACY_TLS, where tls_static_surplus is
        /// (nns-1)*LIBC_IE_TLS + nns*OTHER_IE_TLS + opt and LEGACY_TLS = 1664 - tls_static_surplus(4, 512) = 144.
        /// </summary>
        public long Surplus
        {
            get
            {
                var legacy = 1664 - SurplusWithoutLegacy(DefaultNamespaces, DefaultOptionalStaticTls);
                return SurplusWithoutLegacy(EffectiveNamespaces, OptionalStaticTls) + legacy;
            }
        }

        /// <summary>The GLIBC_TUNABLES value that sets both tunables.</summary>
        public string Environment => string.Format(
            CultureInfo.InvariantCulture, "glibc.rtld.nns={0}:glibc.rtld.optional_static_tls={1}", Namespaces, OptionalStaticTls);

        public IReadOnlyDictionary<string, string> AsVariables() => new Dictionary<string, string> { ["GLIBC_TUNABLES"] = Environment };

        public override string ToString() => Environment;

        private static long SurplusWithoutLegacy(int namespaces, long optional) => (namespaces - 1) * IeTlsPerNamespace + namespaces * IeTlsPerNamespace + optional;
    }

    /// <summary>
    /// The rseq area glibc 2.41 appends to the startup TLS (sysdeps/unix/sysv/linux/dl-extra_tls.h): size
    /// roundup(max(_rseq_size, RSEQ_AREA_SIZE_INITIAL 32), _rseq_align), aligned to _rseq_align, where
    /// dl-parse_auxv.h takes _rseq_size = max(AT_RSEQ_FEATURE_SIZE, 20) and _rseq_align = max(AT_RSEQ_ALIGN, 32).
    /// </summary>
    internal static class RseqArea
    {
        private const long AtRseqFeatureSize = 27;
        private const long AtRseqAlign = 28;

        /// <summary>The area this kernel gives a new process, read from the test process's own auxiliary vector.</summary>
        public static TlsBlock FromKernel()
        {
            var auxv = File.ReadAllBytes("/proc/self/auxv");
            var values = new Dictionary<long, long>();
            for (var i = 0; i + 16 <= auxv.Length; i += 16)
            {
                values[BitConverter.ToInt64(auxv, i)] = BitConverter.ToInt64(auxv, i + 8);
            }

            var size = Math.Max(values.TryGetValue(AtRseqFeatureSize, out var feature) ? feature : 0, 20);
            var align = Math.Max(values.TryGetValue(AtRseqAlign, out var kernelAlign) ? kernelAlign : 0, 32);
            return new TlsBlock("rseq area", StaticTlsArea.RoundUp(Math.Max(size, 32), align), align, 0);
        }
    }
}
