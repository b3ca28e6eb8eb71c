using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The per-machine constants glibc's static TLS arithmetic uses (bminor/glibc): the TLS variant, how much of the
    /// TCB dl_tls_static_used counts, and TCB_ALIGNMENT, which starts max_align in _dl_determine_tlsoffset and (on
    /// TLS_DTV_AT_TP machines) rounds dl_tls_static_size. Rows, not code: a machine is one entry.
    /// </summary>
    public sealed class MachineTlsLayout
    {
        // TCB_ALIGNMENT from glibc 2.35: nptl/descr.h defaults it to 32, sysdeps/x86/nptl/pthreaddef.h sets 64 (commit
        // 23c77f60181e "nptl: Increase default TCB alignment to 32"). Before 2.35 elf/dl-tls.c used TLS_TCB_ALIGN =
        // __alignof__ (struct pthread), which is TCB_ALIGNMENT of each sysdeps/*/nptl/pthreaddef.h at glibc-2.34: 16 on
        // aarch64, arm, mips, powerpc, riscv, s390 and sparc, 64 on x86 (TLS_TCB_ALIGN removed by commit 627f5ede70).
        // TLS_TCB_SIZE counted in dl_tls_static_used (TLS_DTV_AT_TP only: "offset = TLS_TCB_SIZE"): sizeof (tcbhead_t)
        // is 16 on aarch64 (sysdeps/aarch64/nptl/tls.h l.53) and 8 on arm (sysdeps/arm/nptl/tls.h l.51); loongarch, mips,
        // powerpc and riscv define TLS_TCB_SIZE 0. On TLS_TCB_AT_TP machines TLS_TCB_SIZE is added to dl_tls_static_size
        // and taken off the free bytes again in _dl_try_allocate_static_tls, so it cancels and is left out.
        private static readonly Dictionary<string, MachineTlsLayout> Known = new Dictionary<string, MachineTlsLayout>(StringComparer.Ordinal)
        {
            ["x86_64"] = new MachineTlsLayout("x86_64", TlsVariant.TcbAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 64, tcbAlignmentBefore235: 64),
            ["x32"] = new MachineTlsLayout("x32", TlsVariant.TcbAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 64, tcbAlignmentBefore235: 64),
            ["i386"] = new MachineTlsLayout("i386", TlsVariant.TcbAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 64, tcbAlignmentBefore235: 64),
            ["s390x"] = new MachineTlsLayout("s390x", TlsVariant.TcbAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["s390"] = new MachineTlsLayout("s390", TlsVariant.TcbAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["sparc64"] = new MachineTlsLayout("sparc64", TlsVariant.TcbAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["sparc"] = new MachineTlsLayout("sparc", TlsVariant.TcbAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["aarch64"] = new MachineTlsLayout("aarch64", TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 16, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["arm"] = new MachineTlsLayout("arm", TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 8, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["ppc64"] = new MachineTlsLayout("ppc64", TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["ppc"] = new MachineTlsLayout("ppc", TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["riscv64"] = new MachineTlsLayout("riscv64", TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["mips64"] = new MachineTlsLayout("mips64", TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),
            ["mips"] = new MachineTlsLayout("mips", TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16),

            // LoongArch arrived in glibc 2.36, after the change: 32 throughout.
            ["loongarch64"] = new MachineTlsLayout("loongarch64", TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 32),
        };

        private MachineTlsLayout(string machine, TlsVariant variant, long tcbSizeInUsed, long tcbAlignment, long tcbAlignmentBefore235)
        {
            Machine = machine;
            Variant = variant;
            TcbSizeInUsed = tcbSizeInUsed;
            TcbAlignment = tcbAlignment;
            TcbAlignmentBefore235 = tcbAlignmentBefore235;
        }

        public string Machine { get; }

        public TlsVariant Variant { get; }

        public bool TcbAtThreadPointer => Variant == TlsVariant.TcbAtThreadPointer;

        /// <summary>The bytes of TCB dl_tls_static_used starts with (TLS_DTV_AT_TP machines whose TLS_TCB_SIZE is not 0).</summary>
        public long TcbSizeInUsed { get; }

        /// <summary>TCB_ALIGNMENT from glibc 2.35 on.</summary>
        public long TcbAlignment { get; }

        /// <summary>TLS_TCB_ALIGN (= __alignof__ (struct pthread)) before glibc 2.35.</summary>
        public long TcbAlignmentBefore235 { get; }

        /// <summary>The start value of dl_tls_static_align on current glibc: the largest p_align a dlopen'd block may have unless a startup block raised it.</summary>
        public long StaticAlign => TcbAlignment;

        /// <summary>The layout for a platform; an unknown machine gets the TLS_DTV_AT_TP defaults most ports share.</summary>
        public static MachineTlsLayout For(ElfPlatform platform)
        {
            if (Known.TryGetValue(platform.Name, out var layout))
            {
                return layout;
            }

            return new MachineTlsLayout(platform.Name, TlsVariant.DtvAtThreadPointer, tcbSizeInUsed: 0, tcbAlignment: 32, tcbAlignmentBefore235: 16);
        }
    }
}
