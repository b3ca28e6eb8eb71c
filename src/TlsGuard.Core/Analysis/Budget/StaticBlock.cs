using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// A module's TLS block as glibc's link map records it: l_tls_blocksize (p_memsz), l_tls_align (p_align) and
    /// l_tls_firstbyte_offset (p_vaddr modulo p_align, set in _dl_map_object_from_fd, elf/dl-load.c case PT_TLS).
    /// </summary>
    public readonly record struct StaticBlock(string Name, long Size, long Align, long FirstByteOffset)
    {
        /// <summary>p_align 0 and 1 both mean unaligned.</summary>
        public long EffectiveAlign => Align < 1 ? 1 : Align;

        public static StaticBlock Of(string name, TlsBlock block) => new StaticBlock(name, block.Size, block.Align, block.FirstByteOffset);

        /// <summary>A block with no leading padding, aligned to <paramref name="align"/>.</summary>
        public static StaticBlock Plain(string name, long size, long align = 1) => new StaticBlock(name, size, align, 0);
    }
}
