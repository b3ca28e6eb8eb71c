namespace TlsGuard.Core.Files.Archives.Tar
{
    /// <summary>What a tar member is, after pax and GNU long-name records are folded into the member they describe.</summary>
    internal enum TarEntryType
    {
        RegularFile,
        HardLink,
        SymbolicLink,
        Directory,
        CharacterDevice,
        BlockDevice,
        Fifo,

        /// <summary>A GNU sparse file: its data is a hole map plus fragments, not the file; reported, not read.</summary>
        Sparse,

        /// <summary>A volume label or multi-volume continuation: no file of its own.</summary>
        Volume,
    }
}
