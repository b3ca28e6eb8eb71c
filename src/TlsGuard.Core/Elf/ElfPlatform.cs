using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Elf
{
    /// <summary>
    /// What an ELF file is built for: e_machine, class and byte order. The loader maps a dependency only when all three
    /// equal the requester's, so this is the unit analysis compares and groups by.
    /// </summary>
    public readonly record struct ElfPlatform(ElfMachine Machine, ElfClass Class, ElfData ByteOrder)
    {
        public bool Is64 => Class == ElfClass.Elf64;

        public bool IsBigEndian => ByteOrder == ElfData.BigEndian;

        /// <summary>The reported machine name: the TLS table's name for the class ("x86_64", "s390", "riscv64" ...) or "unknown(N)".</summary>
        public string Name
        {
            get
            {
                MachineTlsTable? table = TlsRelocationTables.ForMachine((ushort)Machine);
                return table != null ? table.NameFor(Class) : "unknown(" + (ushort)Machine + ")";
            }
        }

        /// <summary>32 or 64 as readelf and the JSON report print it; 0 when unread.</summary>
        public int Bits => Class == ElfClass.Elf64 ? 64 : Class == ElfClass.Elf32 ? 32 : 0;

        /// <summary>"little" or "big" as the JSON report prints it; empty when unread.</summary>
        public string ByteOrderName => ByteOrder == ElfData.BigEndian ? "big" : ByteOrder == ElfData.LittleEndian ? "little" : "";

        /// <summary>The platform a reported machine name stands for ("x86_64", "aarch64", "s390x" ...), little-endian unless said otherwise.</summary>
        public static ElfPlatform? FromName(string name, ElfData byteOrder = ElfData.LittleEndian)
        {
            foreach (MachineTlsTable table in TlsRelocationTables.All)
            {
                foreach (ElfClass elfClass in new[] { ElfClass.Elf64, ElfClass.Elf32 })
                {
                    if (table.NameFor(elfClass) == name)
                    {
                        return new ElfPlatform((ElfMachine)table.Machines[0], elfClass, byteOrder);
                    }
                }
            }

            return null;
        }

        public static ElfPlatform Of(ElfHeader header) => new ElfPlatform((ElfMachine)header.Machine, header.Class, header.Data);

        public override string ToString() => Name;
    }
}
