using System;
using System.Collections.Generic;
using System.Globalization;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>Where a block's static TLS came from.</summary>
    internal enum TlsPool
    {
        /// <summary>Placed by _dl_determine_tlsoffset at startup, outside the surplus.</summary>
        Startup,

        /// <summary>Taken from the surplus through the optional pool (TLSDESC, TRY_STATIC_TLS).</summary>
        Optional,

        /// <summary>Taken from the surplus by a static TLS relocation (initial-exec: CHECK_STATIC_TLS).</summary>
        Surplus,

        /// <summary>Not placed: TLSDESC fell back to dynamic TLS, or an initial-exec load failed.</summary>
        None,
    }

    /// <summary>One placement decision, as the lab reports it.</summary>
    internal sealed record TlsPlacement(TlsBlock Block, TlsPool Pool, long Bytes, long UsedAfter, long OptionalLeft)
    {
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0}: {1} bytes (align {2}) -> {3}{4}; used {5}{6}",
            Block.Name, Block.Size, Block.Align, Pool, Pool == TlsPool.None ? "" : " +" + Bytes, UsedAfter,
            Pool == TlsPool.Startup ? "" : ", optional pool left " + OptionalLeft);
    }

    /// <summary>
    /// glibc's static TLS area, recomputed in the lab's own words from elf/dl-tls.c _dl_determine_tlsoffset (startup
    /// layout, glibc-2.36 and glibc-2.41) and elf/dl-reloc.c _dl_try_allocate_static_tls (placement after startup;
    /// identical in both releases apart from DTV bookkeeping). On x86-64 "Size" leaves out TLS_TCB_SIZE, which
    /// dl_tls_static_size adds and the free-space check takes off again.
    /// </summary>
    internal sealed class StaticTlsArea
    {
        private readonly GlibcTarget _target;
        private readonly List<TlsPlacement> _placements;

        private StaticTlsArea(GlibcTarget target, long used, long size, long staticAlign, long optionalLeft, List<TlsPlacement> placements)
        {
            _target = target;
            Used = used;
            Size = size;
            StaticAlign = staticAlign;
            OptionalLeft = optionalLeft;
            _placements = placements;
        }

        /// <summary>dl_tls_static_used.</summary>
        public long Used { get; private set; }

        /// <summary>dl_tls_static_size (less TLS_TCB_SIZE on TCB_AT_TP machines).</summary>
        public long Size { get; }

        /// <summary>dl_tls_static_align: the largest p_align a later block may have.</summary>
        public long StaticAlign { get; }

        /// <summary>dl_tls_static_optional: what TLSDESC users may still take.</summary>
        public long OptionalLeft { get; private set; }

        /// <summary>Startup used bytes, before any placement after startup.</summary>
        public long StartupUsed { get; private set; }

        public IReadOnlyList<TlsPlacement> Placements => _placements;

        /// <summary>
        /// The layout at process start: every TLS module of the initial set, in module-id order, then (2.41) the rseq area;
        /// the surplus goes on top.
        /// </summary>
        public static StaticTlsArea AtStartup(GlibcTarget target, IReadOnlyList<TlsBlock> startup, GlibcTunables tunables, TlsBlock? rseqArea = null)
        {
            if (target.AppendsRseqArea && rseqArea == null)
            {
                throw new ArgumentException("glibc " + target.Version + " appends the rseq area: pass RseqArea.FromKernel()", nameof(rseqArea));
            }

            var placements = new List<TlsPlacement>();
            long maxAlign = target.TcbAlignment;
            long used;
            if (target.Variant == TlsVariant.TcbAtThreadPointer)
            {
                used = PlaceBelowThreadPointer(startup, placements, ref maxAlign);
                if (target.AppendsRseqArea)
                {
                    maxAlign = Math.Max(maxAlign, rseqArea!.Align);
                    used = RoundUp(used, rseqArea.Align) + rseqArea.Size;
                    placements.Add(new TlsPlacement(rseqArea, TlsPool.Startup, rseqArea.Size, used, tunables.OptionalStaticTls));
                }

                var area = new StaticTlsArea(target, used, RoundUp(used + tunables.Surplus, maxAlign), maxAlign, tunables.OptionalStaticTls, placements);
                area.StartupUsed = used;
                return area;
            }

            used = PlaceAboveTcb(target.TcbSizeInUsed, startup, placements, ref maxAlign);
            if (target.AppendsRseqArea)
            {
                maxAlign = Math.Max(maxAlign, rseqArea!.Align);
                used = RoundUp(used, rseqArea.Align) + rseqArea.Size;
                placements.Add(new TlsPlacement(rseqArea, TlsPool.Startup, rseqArea.Size, used, tunables.OptionalStaticTls));
            }

            // DTV_AT_TP rounds the static size to TCB_ALIGNMENT, not to the largest block alignment.
            var dtvArea = new StaticTlsArea(target, used, RoundUp(used + tunables.Surplus, target.TcbAlignment), maxAlign, tunables.OptionalStaticTls, placements);
            dtvArea.StartupUsed = used;
            return dtvArea;
        }

        /// <summary>
        /// _dl_try_allocate_static_tls: <paramref name="optional"/> is true for a TLSDESC relocation (TRY_STATIC_TLS: the
        /// block may only take what is left of the optional pool, else it stays dynamic), false for initial-exec.
        /// </summary>
        public bool TryAllocate(TlsBlock block, bool optional)
        {
            if (block.Align > StaticAlign)
            {
                return Refuse(block);
            }

            long use;
            long newUsed;
            var align = Math.Max(block.Align, 1);
            if (_target.Variant == TlsVariant.TcbAtThreadPointer)
            {
                var freeBytes = Size - Used;
                var withPadding = block.Size + block.FirstByteOffset;
                if (freeBytes < withPadding)
                {
                    return Refuse(block);
                }

                var slack = (freeBytes - withPadding) / align;
                use = freeBytes - slack * align - block.FirstByteOffset;
                newUsed = Used + use;
            }
            else
            {
                var offset = RoundUp(Used - block.FirstByteOffset, align) + block.FirstByteOffset;
                newUsed = offset + block.Size;
                if (newUsed > Size)
                {
                    return Refuse(block);
                }

                use = newUsed - Used;
            }

            if (optional && use > OptionalLeft)
            {
                return Refuse(block);
            }

            if (optional)
            {
                OptionalLeft -= use;
            }

            Used = newUsed;
            _placements.Add(new TlsPlacement(block, optional ? TlsPool.Optional : TlsPool.Surplus, use, Used, OptionalLeft));
            return true;
        }

        /// <summary>The largest initial-exec block (aligned to 1, no padding) that still loads.</summary>
        public long LargestInitialExecBlock()
        {
            long low = 0;
            long high = 1 << 20;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (Copy().TryAllocate(TlsBlock.Plain("probe", middle), optional: false))
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }

        public StaticTlsArea Copy()
        {
            return new StaticTlsArea(_target, Used, Size, StaticAlign, OptionalLeft, new List<TlsPlacement>(_placements)) { StartupUsed = StartupUsed };
        }

        public static long RoundUp(long value, long align) => align <= 1 ? value : (value + align - 1) / align * align;

        private bool Refuse(TlsBlock block)
        {
            _placements.Add(new TlsPlacement(block, TlsPool.None, 0, Used, OptionalLeft));
            return false;
        }

        /// <summary>
        /// TLS_TCB_AT_TP startup placement: each block ends at roundup(offset + size - firstbyte, align) + firstbyte below
        /// the thread pointer; a gap left by alignment padding is reused by a later block that fits in it.
        /// </summary>
        private static long PlaceBelowThreadPointer(IReadOnlyList<TlsBlock> startup, List<TlsPlacement> placements, ref long maxAlign)
        {
            long offset = 0;
            long freeTop = 0;
            long freeBottom = 0;
            foreach (var block in startup)
            {
                var align = Math.Max(block.Align, 1);
                var firstByte = -block.FirstByteOffset & (align - 1);
                maxAlign = Math.Max(maxAlign, align);
                if (freeBottom - freeTop >= block.Size)
                {
                    var inGap = RoundUp(freeTop + block.Size - firstByte, align) + firstByte;
                    if (inGap <= freeBottom)
                    {
                        freeTop = inGap;
                        placements.Add(new TlsPlacement(block, TlsPool.Startup, block.Size, offset, 0));
                        continue;
                    }
                }

                var end = RoundUp(offset + block.Size - firstByte, align) + firstByte;
                if (end > offset + block.Size + (freeBottom - freeTop))
                {
                    freeTop = offset;
                    freeBottom = end - block.Size;
                }

                offset = end;
                placements.Add(new TlsPlacement(block, TlsPool.Startup, block.Size, offset, 0));
            }

            return offset;
        }

        /// <summary>
        /// TLS_DTV_AT_TP startup placement: blocks follow the TCB upwards, each at roundup(offset, align) (plus firstbyte
        /// adjustments); a gap left by alignment padding is reused by a later block that fits in it.
        /// </summary>
        private static long PlaceAboveTcb(long tcbSize, IReadOnlyList<TlsBlock> startup, List<TlsPlacement> placements, ref long maxAlign)
        {
            var offset = tcbSize;
            long freeTop = 0;
            long freeBottom = 0;
            foreach (var block in startup)
            {
                var align = Math.Max(block.Align, 1);
                var firstByte = -block.FirstByteOffset & (align - 1);
                maxAlign = Math.Max(maxAlign, align);
                if (block.Size <= freeTop - freeBottom)
                {
                    var inGap = RoundUp(freeBottom, align);
                    if (inGap - freeBottom < firstByte)
                    {
                        inGap += align;
                    }

                    if (inGap + block.Size - firstByte <= freeTop)
                    {
                        freeBottom = inGap + block.Size - firstByte;
                        placements.Add(new TlsPlacement(block, TlsPool.Startup, block.Size, offset, 0));
                        continue;
                    }
                }

                var start = RoundUp(offset, align);
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
                placements.Add(new TlsPlacement(block, TlsPool.Startup, block.Size, offset, 0));
            }

            return offset;
        }
    }
}
