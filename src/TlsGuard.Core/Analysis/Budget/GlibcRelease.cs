using System;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// What one glibc release does with static TLS, as table rows read from bminor/glibc at each tag. Only these
    /// rules differ between releases; the placement arithmetic (_dl_determine_tlsoffset, _dl_try_allocate_static_tls)
    /// is otherwise the same from glibc-2.22 to glibc-2.42.
    /// </summary>
    public sealed class GlibcRelease : IComparable<GlibcRelease>
    {
        /// <summary>The newest release whose sources were read; later ones are judged by its rules.</summary>
        public static readonly Version NewestKnown = new Version(2, 42);

        private static readonly Version FirstWithTunables = new Version(2, 32);
        private static readonly Version FirstWithRseqArea = new Version(2, 41);
        private static readonly Version FirstWithoutModuleIdLimit = new Version(2, 22);
        private static readonly Version FirstWithTcbAlignment = new Version(2, 35);

        public GlibcRelease(Version version)
        {
            Version = new Version(version.Major, version.Minor);
        }

        public Version Version { get; }

        /// <summary>
        /// glibc.rtld.nns and glibc.rtld.optional_static_tls exist and S = 144*(2*nns-1) + 144 + opt, with TLSDESC users
        /// limited to opt (commits 0c7b002fac, ffb17e7ba3, 07ed32f920; first tag glibc-2.32, elf/dl-tls.c
        /// _dl_tls_static_surplus_init). Before: TLS_STATIC_SURPLUS = 64 + DL_NNS * 100 = 1664 and TRY_STATIC_TLS may
        /// take all of it (glibc bug 25051).
        /// </summary>
        public bool HasTunables => Version >= FirstWithTunables;

        /// <summary>
        /// glibc 2.41 appends the rseq "extra TLS" block after the startup modules (commit 304221775c "Add Linux 'extra
        /// TLS'"; elf/dl-tls.c glibc-2.41 l.336-342 TLS_TCB_AT_TP, l.416-437 TLS_DTV_AT_TP; size and alignment from
        /// sysdeps/unix/sysv/linux/dl-extra_tls.h).
        /// </summary>
        public bool AppendsRseqArea => Version >= FirstWithRseqArea;

        /// <summary>
        /// Before glibc 2.22, dl_open_worker refused a static-TLS module whose TLS module id exceeds DTV_SURPLUS (14) once
        /// the process has threads: "cannot load any more object with static TLS" (elf/dl-open.c glibc-2.21 l.543-545,
        /// sysdeps/generic/ldsodefs.h l.392; removed by commit f8aeae3473, BZ 17090/17620).
        /// </summary>
        public bool LimitsStaticTlsModuleIds => Version < FirstWithoutModuleIdLimit;

        /// <summary>DTV_SURPLUS: the largest TLS module id a static-TLS module loaded later may have before glibc 2.22.</summary>
        public const int DtvSurplus = 14;

        /// <summary>TCB_ALIGNMENT (2.35+) or TLS_TCB_ALIGN (before): max_align's start and, on TLS_DTV_AT_TP, the static size's rounding.</summary>
        public long TcbAlignment(MachineTlsLayout layout) => Version >= FirstWithTcbAlignment ? layout.TcbAlignment : layout.TcbAlignmentBefore235;

        /// <summary>
        /// The oldest glibc the .NET runtime supports on a machine: 2.27 on x64 and arm64, 2.35 on arm32
        /// (dotnet/core release-notes/10.0/supported-os.md, "Libc" table).
        /// </summary>
        public static Version OldestSupportedByDotnet(ElfPlatform? platform)
        {
            return platform.HasValue && platform.Value.Machine == ElfMachine.Arm ? new Version(2, 35) : new Version(2, 27);
        }

        public int CompareTo(GlibcRelease? other) => other == null ? 1 : Version.CompareTo(other.Version);

        public override string ToString() => "glibc " + Version.Major + "." + Version.Minor;
    }
}
