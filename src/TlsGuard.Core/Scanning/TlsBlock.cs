namespace TlsGuard.Core.Scanning
{
    /// <summary>The PT_TLS segment: the module's TLS block as the loader allocates it.</summary>
    public sealed class TlsBlock
    {
        public TlsBlock(long size, long align, long initializedSize)
        {
            Size = size;
            Align = align;
            InitializedSize = initializedSize;
        }

        /// <summary>p_memsz.</summary>
        public long Size { get; }

        /// <summary>p_align (0 and 1 both mean unaligned).</summary>
        public long Align { get; }

        /// <summary>p_filesz: the .tdata image.</summary>
        public long InitializedSize { get; }
    }
}
