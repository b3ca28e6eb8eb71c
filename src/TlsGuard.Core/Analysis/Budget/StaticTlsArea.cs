using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>Why glibc did or did not give a block static TLS after startup.</summary>
    public enum Placement
    {
        Placed,

        /// <summary>l_tls_align above dl_tls_static_align: no size of reserve helps.</summary>
        OverAligned,

        /// <summary>The block (with its alignment padding) does not fit in what is left.</summary>
        NoRoom,

        /// <summary>A TLS descriptor user would need more than the optional pool has left: its TLS stays dynamic.</summary>
        PoolExhausted,
    }

    /// <summary>
    /// glibc's static TLS area of one process, in the product's own words: the startup layout of
    /// _dl_determine_tlsoffset (elf/dl-tls.c glibc-2.36 l.220-358, glibc-2.41 l.242-446), then
    /// _dl_try_allocate_static_tls (elf/dl-reloc.c glibc-2.36 l.52-122) for every block placed later. On TLS_TCB_AT_TP
    /// machines <see cref="Size"/> leaves out TLS_TCB_SIZE, which dl_tls_static_size adds and the free-byte computation
    /// takes off again.
    /// </summary>
    public sealed class StaticTlsArea
    {
        private readonly TlsVariant _variant;

        private StaticTlsArea(TlsVariant variant, long startupUsed, long used, long size, long staticAlign, long optionalLeft, bool poolLimited)
        {
            _variant = variant;
            StartupUsed = startupUsed;
            Used = used;
            Size = size;
            StaticAlign = staticAlign;
            OptionalLeft = optionalLeft;
            PoolLimited = poolLimited;
        }

        /// <summary>dl_tls_static_used at the end of startup.</summary>
        public long StartupUsed { get; }

        /// <summary>dl_tls_static_used now.</summary>
        public long Used { get; private set; }

        /// <summary>dl_tls_static_size (less TLS_TCB_SIZE on TLS_TCB_AT_TP).</summary>
        public long Size { get; }

        /// <summary>dl_tls_static_align: the largest p_align a block placed later may have.</summary>
        public long StaticAlign { get; }

        /// <summary>dl_tls_static_optional: what TLS descriptor users may still take (glibc 2.32+).</summary>
        public long OptionalLeft { get; private set; }

        /// <summary>False before glibc 2.32: descriptor users may take any free byte (glibc bug 25051).</summary>
        public bool PoolLimited { get; }

        /// <summary>Bytes not yet used: the largest block aligned to 1 that still fits.</summary>
        public long Free => Size - Used;

        /// <summary>
        /// The area at process start. <paramref name="startup"/> are the initial TLS modules in module-id order
        /// (executable first, then the DT_NEEDED closure breadth-first); <paramref name="extra"/> is glibc 2.41's rseq
        /// block; <paramref name="startupUsed"/>, when given, replaces the startup layout with a known dl_tls_static_used.
        /// </summary>
        public static StaticTlsArea AtStartup(
            MachineTlsLayout layout, long tcbAlignment, IReadOnlyList<StaticBlock> startup, StaticBlock? extra, long surplus, long optional, bool poolLimited, long? startupUsed = null)
        {
            long maxAlign = tcbAlignment;
            long used;
            if (startupUsed.HasValue)
            {
                used = startupUsed.Value;
                foreach (var block in startup)
                {
                    maxAlign = Math.Max(maxAlign, block.EffectiveAlign);
                }
            }
            else
            {
                used = layout.TcbAtThreadPointer
                    ? BelowThreadPointer(startup, ref maxAlign)
                    : AboveTcb(layout.TcbSizeInUsed, startup, ref maxAlign);
                if (extra is StaticBlock rseq)
                {
                    // 2.41: max_align = MAX (max_align, extra_align); offset = roundup (offset, extra_align) + extra_size.
                    maxAlign = Math.Max(maxAlign, rseq.EffectiveAlign);
                    used = StaticTlsMath.RoundUp(used, rseq.EffectiveAlign) + rseq.Size;
                }
            }

            // TLS_TCB_AT_TP rounds to max_align; TLS_DTV_AT_TP to TCB_ALIGNMENT only (glibc-2.36 elf/dl-tls.c l.307, l.352).
            var size = StaticTlsMath.RoundUp(used + surplus, layout.TcbAtThreadPointer ? maxAlign : tcbAlignment);
            return new StaticTlsArea(layout.Variant, used, used, size, maxAlign, optional, poolLimited);
        }

        /// <summary>
        /// _dl_try_allocate_static_tls: <paramref name="optional"/> is true for a TLS descriptor (TRY_STATIC_TLS: it may
        /// only take what is left of the optional pool, else its TLS stays dynamic), false for initial-exec (CHECK_STATIC_TLS).
        /// </summary>
        public Placement TryAllocate(StaticBlock block, bool optional)
        {
            if (block.EffectiveAlign > StaticAlign)
            {
                return Placement.OverAligned;
            }

            var align = block.EffectiveAlign;
            long use;
            if (_variant == TlsVariant.TcbAtThreadPointer)
            {
                var freeBytes = Size - Used;
                var withPadding = block.Size + block.FirstByteOffset;
                if (freeBytes < withPadding)
                {
                    return Placement.NoRoom;
                }

                use = freeBytes - ((freeBytes - withPadding) / align) * align - block.FirstByteOffset;
            }
            else
            {
                var offset = StaticTlsMath.RoundUp(Used - block.FirstByteOffset, align) + block.FirstByteOffset;
                if (offset + block.Size > Size)
                {
                    return Placement.NoRoom;
                }

                use = offset + block.Size - Used;
            }

            if (optional && PoolLimited)
            {
                if (use > OptionalLeft)
                {
                    return Placement.PoolExhausted;
                }

                OptionalLeft -= use;
            }

            Used += use;
            return Placement.Placed;
        }

        /// <summary>What TLS descriptor users loaded first may still take: the optional pool, or (before 2.32) everything free.</summary>
        public long TakeableByDescriptors => PoolLimited ? Math.Min(OptionalLeft, Free) : Free;

        public StaticTlsArea Copy() => new StaticTlsArea(_variant, StartupUsed, Used, Size, StaticAlign, OptionalLeft, PoolLimited);

        /// <summary>
        /// The same area with room for anything: how much a set of blocks needs whatever the reserve. The size stays a
        /// multiple of every alignment (as roundup(..., max_align) makes the real one), so the padding is the same.
        /// </summary>
        public StaticTlsArea Unbounded() => new StaticTlsArea(_variant, StartupUsed, Used, 2 * UnboundedRoom, UnboundedRoom, OptionalLeft, PoolLimited);

        private const long UnboundedRoom = 1L << 52;

        /// <summary>
        /// TLS_TCB_AT_TP startup placement: each block ends at roundup(offset + size - firstbyte, align) + firstbyte below
        /// the thread pointer; a gap left by alignment padding (freetop..freebottom) takes a later block that fits.
        /// </summary>
        private static long BelowThreadPointer(IReadOnlyList<StaticBlock> startup, ref long maxAlign)
        {
            long offset = 0;
            long freeTop = 0;
            long freeBottom = 0;
            foreach (var block in startup)
            {
                var align = block.EffectiveAlign;
                var firstByte = -block.FirstByteOffset & (align - 1);
                maxAlign = Math.Max(maxAlign, align);
                if (freeBottom - freeTop >= block.Size)
                {
                    var inGap = StaticTlsMath.RoundUp(freeTop + block.Size - firstByte, align) + firstByte;
                    if (inGap <= freeBottom)
                    {
                        freeTop = inGap;
                        continue;
                    }
                }

                var end = StaticTlsMath.RoundUp(offset + block.Size - firstByte, align) + firstByte;
                if (end > offset + block.Size + (freeBottom - freeTop))
                {
                    freeTop = offset;
                    freeBottom = end - block.Size;
                }

                offset = end;
            }

            return offset;
        }

        /// <summary>
        /// TLS_DTV_AT_TP startup placement: blocks follow the TCB upwards, each at roundup(offset, align) (one align more
        /// when the padding is smaller than firstbyte); a gap left by padding takes a later block that fits.
        /// </summary>
        private static long AboveTcb(long tcbSize, IReadOnlyList<StaticBlock> startup, ref long maxAlign)
        {
            var offset = tcbSize;
            long freeTop = 0;
            long freeBottom = 0;
            foreach (var block in startup)
            {
                var align = block.EffectiveAlign;
                var firstByte = -block.FirstByteOffset & (align - 1);
                maxAlign = Math.Max(maxAlign, align);
                if (block.Size <= freeTop - freeBottom)
                {
                    var inGap = StaticTlsMath.RoundUp(freeBottom, align);
                    if (inGap - freeBottom < firstByte)
                    {
                        inGap += align;
                    }

                    if (inGap + block.Size - firstByte <= freeTop)
                    {
                        freeBottom = inGap + block.Size - firstByte;
                        continue;
                    }
                }

                var start = StaticTlsMath.RoundUp(offset, align);
                if (start - offset < firstByte)
                {
                    start += align;
                }

                if (start - firstByte - offset > freeTop - freeBottom)
                {
                    freeBottom = offset;
                    freeTop = start - firstByte;
                }

                offset = start + block.Size - firstByte;
            }

            return offset;
        }
    }
}
