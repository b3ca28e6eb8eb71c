using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// FreeBSD rtld's placement of static TLS after startup (freebsd/freebsd-src libexec/rtld-elf). allocate_tls_offset
    /// (rtld.c) gives a module off = calculate_tls_offset(tls_last_offset, tls_last_size, size, align) and fails when
    /// calculate_tls_end(off, size) passes tls_static_space, which allocate_initial_tls (&lt;arch&gt;/reloc.c) fixed at the
    /// end of the startup modules plus the spare bytes: RTLD_STATIC_TLS_EXTRA = 128 (rtld.h), replaced by the
    /// LD_STATIC_TLS_EXTRA environment variable in current rtld (ld_static_tls_extra). Per machine (rtld_machdep.h):
    /// Variant II (amd64, i386) off = round(prev_offset + size, align), end = off; Variant I (aarch64, arm, riscv,
    /// powerpc) off = round(prev_offset + prev_size, align), end = off + size. Either way the blocks take the spare
    /// bytes from where the startup TLS ends, with padding that depends on that end's alignment.
    /// </summary>
    internal static class FreeBsdStaticTls
    {
        public const long DefaultExtra = 128;

        /// <summary>Residues tried for the startup end; larger alignments fall back to the padding bound.</summary>
        private const long MaxResidues = 1 << 16;

        /// <summary>Spare bytes the blocks need when the startup TLS ends at an offset ≡ <paramref name="residue"/> modulo every alignment.</summary>
        public static long Needed(IReadOnlyList<StaticTlsConsumer> blocks, bool variantTwo, long residue)
        {
            var end = residue;
            foreach (var block in blocks)
            {
                var align = block.Align < 1 ? 1 : block.Align;
                end = variantTwo ? StaticTlsMath.RoundUp(end + block.Size, align) : StaticTlsMath.RoundUp(end, align) + block.Size;
            }

            return end - residue;
        }

        /// <summary>The spare bytes that hold the blocks wherever the startup TLS ends: the worst residue of the largest alignment.</summary>
        public static long NeededAnywhere(IReadOnlyList<StaticTlsConsumer> blocks, bool variantTwo)
        {
            long largest = 1;
            long bound = 0;
            foreach (var block in blocks)
            {
                var align = block.Align < 1 ? 1 : block.Align;
                largest = Math.Max(largest, align);
                bound += block.Size + align - 1;
            }

            if (largest > MaxResidues)
            {
                return bound;
            }

            long worst = 0;
            for (long residue = 0; residue < largest; residue++)
            {
                worst = Math.Max(worst, Needed(blocks, variantTwo, residue));
            }

            return worst;
        }

        /// <summary>Variant II machines (TLS below the thread pointer): amd64 and i386 (rtld-elf/amd64, i386 rtld_machdep.h).</summary>
        public static bool IsVariantTwo(string machine) => machine == "x86_64" || machine == "i386";
    }
}
