using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>
    /// The identity a member's first bytes give: ELF or ar, and for ELF the e_ident class and byte order and e_machine
    /// (enough to name a RID for a file found in an image, without scanning it).
    /// </summary>
    internal readonly struct ContentSniff
    {
        /// <summary>Bytes needed: e_ident (16) plus e_type and e_machine.</summary>
        public const int Length = 20;

        public ContentSniff(ContentKind kind, ElfClass elfClass, ElfData byteOrder, ElfMachine machine)
        {
            Kind = kind;
            Class = elfClass;
            ByteOrder = byteOrder;
            Machine = machine;
        }

        public ContentKind Kind { get; }
        public ElfClass Class { get; }
        public ElfData ByteOrder { get; }
        public ElfMachine Machine { get; }

        public bool IsScannable => Kind == ContentKind.Elf || Kind == ContentKind.ArArchive;

        public static ContentSniff Unknown => new ContentSniff(ContentKind.Unknown, ElfClass.None, ElfData.None, ElfMachine.None);

        public static ContentSniff Of(byte[] bytes, int count)
        {
            if (ElfMagic.IsElf(bytes, count))
            {
                var elfClass = count > 4 ? (ElfClass)bytes[4] : ElfClass.None;
                var data = count > 5 ? (ElfData)bytes[5] : ElfData.None;
                var machine = ElfMachine.None;
                if (count >= Length)
                {
                    machine = (ElfMachine)(data == ElfData.BigEndian ? (bytes[18] << 8) | bytes[19] : bytes[18] | (bytes[19] << 8));
                }

                return new ContentSniff(ContentKind.Elf, elfClass, data, machine);
            }

            if (ElfMagic.IsArchive(bytes, count))
            {
                return new ContentSniff(ContentKind.ArArchive, ElfClass.None, ElfData.None, ElfMachine.None);
            }

            return new ContentSniff(ContentKind.Other, ElfClass.None, ElfData.None, ElfMachine.None);
        }
    }
}
