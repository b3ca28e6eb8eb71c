namespace TlsGuard.Core.Scanning
{
    /// <summary>The PT_TLS segment: the module's TLS block as the loader allocates it.</summary>
    public sealed class TlsBlock
    {
        public TlsBlock(long size, long align, long initializedSize, ulong virtualAddress = 0)
        {
            Size = size;
            Align = align;
            InitializedSize = initializedSize;
            VirtualAddress = virtualAddress;
        }

        /// <summary>p_memsz.</summary>
        public long Size { get; }

        /// <summary>p_align (0 and 1 both mean unaligned).</summary>
        public long Align { get; }

        /// <summary>p_filesz: the .tdata image.</summary>
        public long InitializedSize { get; }

        /// <summary>p_vaddr: where the initialisation image lies in the module.</summary>
        public ulong VirtualAddress { get; }

        /// <summary>
        /// glibc's l_tls_firstbyte_offset: p_vaddr modulo p_align (0 when p_align is 0), set in _dl_map_object_from_fd
        /// (elf/dl-load.c, case PT_TLS) and used to place the block in the static TLS area (elf/dl-tls.c). A block
        /// whose start is not aligned keeps that misalignment at run time.
        /// </summary>
        public long FirstByteOffset => Align > 1 ? (long)(VirtualAddress & (ulong)(Align - 1)) : 0;
    }
}
