using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The static TLS area of one host process on one glibc release, as user code finds it: the startup modules laid
    /// out, glibc 2.41's rseq block appended, the surplus on top, then the host's own dlopen'ed TLS users placed in load
    /// order (TLS descriptor users from the optional pool, as TRY_STATIC_TLS does).
    /// </summary>
    internal sealed class GlibcProcess
    {
        /// <summary>
        /// The rseq "extra TLS" block of glibc 2.41 (sysdeps/unix/sysv/linux/dl-extra_tls.h): roundup(MAX(_rseq_size, 32),
        /// _rseq_align) bytes aligned to _rseq_align, with _rseq_size = MAX(AT_RSEQ_FEATURE_SIZE, 20) and _rseq_align =
        /// MAX(AT_RSEQ_ALIGN, 32) (dl-parse_auxv.h l.63-67). Every kernel so far reports a feature size of at most 32 and an
        /// alignment of at most 32 (6.18 here: 28 and 32), so 32 bytes aligned to 32; a later kernel may grow it.
        /// </summary>
        public static readonly StaticBlock RseqArea = StaticBlock.Plain("rseq area", 32, 32);

        private GlibcProcess(GlibcRelease release, HostProfile host, StaticTlsArea area, long surplus, long optional, int namespaces, StaticBlock libc, Version libcMeasuredOn, bool libcRead)
        {
            Release = release;
            Host = host;
            Area = area;
            Surplus = surplus;
            Optional = optional;
            Namespaces = namespaces;
            Libc = libc;
            LibcMeasuredOn = libcMeasuredOn;
            LibcRead = libcRead;
        }

        public GlibcRelease Release { get; }

        public HostProfile Host { get; }

        /// <summary>The area when the first user library loads.</summary>
        public StaticTlsArea Area { get; }

        public long Surplus { get; }

        /// <summary>glibc.rtld.optional_static_tls in effect (2.32+).</summary>
        public long Optional { get; }

        /// <summary>glibc.rtld.nns in effect (2.32+).</summary>
        public int Namespaces { get; }

        /// <summary>libc.so.6's PT_TLS block used for the startup layout.</summary>
        public StaticBlock Libc { get; }

        /// <summary>The release whose libc.so.6 block was measured (the nearest known row) when it was not read from the target.</summary>
        public Version LibcMeasuredOn { get; }

        /// <summary>True when libc.so.6's block was read from the target's sysroot.</summary>
        public bool LibcRead { get; }

        /// <summary>Static TLS the host's own dlopen'ed modules took before user code.</summary>
        public long TakenByHost => Area.Used - Area.StartupUsed;

        public static GlibcProcess Start(
            MachineTlsLayout layout, GlibcRelease release, HostProfile host, GlibcTunables tunables, SysrootLibc sysroot, long? startupUsed)
        {
            var (libc, measuredOn) = sysroot.LibcBlock != null
                ? (sysroot.LibcBlock.Value, sysroot.Version ?? release.Version)
                : LibcTlsBlocks.For(release.Version, layout.Machine);
            var startup = new List<StaticBlock>(host.StartupBeforeLibc) { libc };

            // Before 2.32 there are no tunables: the surplus is the fixed 1664 and descriptor users may take all of it.
            var namespaces = release.HasTunables ? tunables.Namespaces ?? StaticTlsMath.DefaultNamespaces : StaticTlsMath.DefaultNamespaces;
            var optional = release.HasTunables ? Math.Max(0, tunables.OptionalStaticTls ?? StaticTlsMath.DefaultOptionalStaticTls) : 0;
            var surplus = release.HasTunables ? StaticTlsMath.Surplus(optional, namespaces) : StaticTlsMath.LegacySurplus;

            var area = StaticTlsArea.AtStartup(
                layout, release.TcbAlignment(layout), startup, release.AppendsRseqArea ? RseqArea : null, surplus, optional, release.HasTunables, startupUsed);
            foreach (var module in host.Dlopened)
            {
                // Each runtime library's relocations place its own block as it is relocated; a descriptor user that does not
                // fit the pool stays dynamic and the next one tries again (elf/dl-static-tls.h TRY_STATIC_TLS).
                if (module.Access != TlsAccessKind.Dynamic)
                {
                    area.TryAllocate(module.Block, optional: module.Access == TlsAccessKind.Descriptor);
                }
            }

            return new GlibcProcess(release, host, area, surplus, optional, namespaces, libc, measuredOn, sysroot.LibcBlock != null);
        }
    }
}
