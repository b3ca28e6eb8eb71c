using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Tls
{
    /// <summary>
    /// One TLS relocation type of one machine: its number, the name readelf prints, and what it means where it
    /// appears: as a dynamic relocation (shared objects, executables) and as a static relocation (object files).
    /// </summary>
    public sealed class TlsRelocationType
    {
        public TlsRelocationType(uint number, string name, TlsRelocationClass? inSharedObject, TlsRelocationClass? inObjectFile)
        {
            Number = number;
            Name = name;
            InSharedObject = inSharedObject;
            InObjectFile = inObjectFile;
        }

        public uint Number { get; }

        /// <summary>Exactly as binutils readelf prints it (e.g. "R_AARCH64_TLS_TPREL64", not elf.h's "R_AARCH64_TLS_TPREL").</summary>
        public string Name { get; }

        /// <summary>The meaning as a dynamic relocation in ET_DYN/ET_EXEC, or null when it never appears there.</summary>
        public TlsRelocationClass? InSharedObject { get; }

        /// <summary>The meaning as a static relocation in ET_REL, or null when it never appears there.</summary>
        public TlsRelocationClass? InObjectFile { get; }

        public TlsRelocationClass? ClassIn(ElfType fileType) =>
            fileType == ElfType.Relocatable ? InObjectFile : InSharedObject;
    }
}
