using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// Decodes every ELF structure of one file: picked once from e_ident (class and byte order: LE32, LE64, BE32, BE64)
    /// and used by every reader, so no reader branches on the class or the byte order. Each class writes its struct
    /// layouts once (<see cref="Elf32Decoder{TOrder}"/>, <see cref="Elf64Decoder{TOrder}"/>); the byte order is a type
    /// argument. Go's debug/elf makes the same split (a binary.ByteOrder chosen in NewFile, one struct per class).
    /// Callers bounds-check once (<see cref="WindowedReader.Prepare"/>) and then decode from the window.
    /// </summary>
    internal abstract class ElfDecoder
    {
        private static readonly ElfDecoder LittleEndian32 = new Elf32Decoder<LittleEndianOrder>();
        private static readonly ElfDecoder LittleEndian64 = new Elf64Decoder<LittleEndianOrder>();
        private static readonly ElfDecoder BigEndian32 = new Elf32Decoder<BigEndianOrder>();
        private static readonly ElfDecoder BigEndian64 = new Elf64Decoder<BigEndianOrder>();

        /// <summary>Size of e_ident, identical in both classes.</summary>
        public const int IdentificationSize = 16;

        /// <summary>Elf32_Verneed and Elf64_Verneed have the same layout; so do the auxiliary and definition entries.</summary>
        public const int VersionNeedSize = 16;
        public const int VersionNeedAuxSize = 16;
        public const int VersionDefinitionSize = 20;
        public const int VersionDefinitionAuxSize = 8;

        /// <summary>The big-endian words of an ar symbol index (4-byte "/" and 8-byte "/SYM64/" entries).</summary>
        public static ElfDecoder ArchiveIndex => BigEndian32;

        public abstract ElfClass Class { get; }
        public abstract ElfData Data { get; }

        /// <summary>Bytes of an address-sized field (Elf_Addr, Elf_Off, Elf_Xword in tables that use them).</summary>
        public abstract int WordSize { get; }

        public abstract int HeaderSize { get; }
        public abstract int ProgramHeaderSize { get; }
        public abstract int SectionHeaderSize { get; }
        public abstract int SymbolSize { get; }
        public abstract int DynamicEntrySize { get; }

        public static ElfDecoder For(ElfClass elfClass, ElfData data)
        {
            bool big = data == ElfData.BigEndian;
            return elfClass == ElfClass.Elf64 ? (big ? BigEndian64 : LittleEndian64) : (big ? BigEndian32 : LittleEndian32);
        }

        public abstract int RelocationSize(bool hasAddend);

        public abstract ushort U16(byte[] b, int i);

        public abstract uint U32(byte[] b, int i);

        public abstract ulong U64(byte[] b, int i);

        public abstract ulong Word(byte[] b, int i);

        /// <summary>The file header; <paramref name="i"/> is where the file starts in <paramref name="b"/>.</summary>
        public abstract ElfHeader Header(byte[] b, int i);

        public abstract ProgramHeader ProgramHeader(byte[] b, int i);

        public abstract SectionHeader SectionHeader(byte[] b, int i);

        public abstract Symbol Symbol(byte[] b, int i);

        public abstract DynamicEntry DynamicEntry(byte[] b, int i);

        public abstract Relocation Relocation(byte[] b, int i, bool hasAddend, RelocationInfoLayout layout);

        /// <summary>
        /// The index (0 to <paramref name="count"/>-1) of the first of <paramref name="count"/> relocations at
        /// <paramref name="i"/> whose type is a TLS relocation of <paramref name="tls"/>, or <paramref name="count"/>.
        /// The scan's hot loop: a whole window of entries per call, only r_info decoded.
        /// </summary>
        public abstract int FindTls(byte[] b, int i, int count, int entrySize, RelocationInfoLayout layout, Tls.MachineTlsTable tls);

        /// <summary>
        /// The index (0 to <paramref name="count"/>-1) of the first of <paramref name="count"/> symbols at <paramref name="i"/>
        /// that is non-local and a defined STT_TLS symbol or, with <paramref name="importsToo"/>, undefined; else
        /// <paramref name="count"/>. The dynamic symbol walk's inner loop: only st_info and st_shndx are read.
        /// </summary>
        public abstract int FindTlsDefinitionOrImport(byte[] b, int i, int count, bool importsToo);

        public VersionNeed VersionNeed(byte[] b, int i) =>
            new VersionNeed(U16(b, i), U16(b, i + 2), U32(b, i + 4), U32(b, i + 8), U32(b, i + 12));

        public VersionNeedAux VersionNeedAux(byte[] b, int i) =>
            new VersionNeedAux(U16(b, i + 4), U16(b, i + 6), U32(b, i + 8), U32(b, i + 12));

        public VersionDefinition VersionDefinition(byte[] b, int i) =>
            new VersionDefinition(U16(b, i), U16(b, i + 2), U16(b, i + 4), U16(b, i + 6), U32(b, i + 12), U32(b, i + 16));

        public VersionDefinitionAux VersionDefinitionAux(byte[] b, int i) => new VersionDefinitionAux(U32(b, i), U32(b, i + 4));
    }
}
