using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>Corrupt headers and tables: every one must come back as a result with a reason, never an exception.</summary>
    public sealed class MalformedElfTests
    {
        private const uint PtDynamic = 2;
        private const uint ShtRela = 4;
        private const uint ShtSymtab = 2;
        private const uint ShtDynsym = 11;
        private const long DtStrtab = 5;
        private const long DtRela = 7;
        private const long DtRelasz = 8;
        private const long DtRelaent = 9;
        private const long DtStrsz = 10;
        private const long DtSyment = 11;
        private const long DtGnuHash = 0x6ffffef5;

        private const string SharedLibrary = "x86_64-gcc/libie_own.so";
        private const string Stripped = "x86_64-gcc/libie_own_stripped.so";
        private const string BigEndianLibrary = "ppc64-gcc/libie_ext.so";
        private const string ObjectFile = "x86_64-gcc/ie.o";

        public static TheoryData<string, string> Corruptions() => new()
        {
            { "e_phoff past the end", "program header table extends past the end of the file" },
            { "e_shoff past the end", "section header table extends past the end of the file" },
            { "e_phnum 65535", "program header table extends past the end of the file" },
            { "e_shnum 65535", "section header table is larger than the file" },
            { "e_phentsize 0", "program header entry size 0, expected 56" },
            { "e_shentsize 0", "section header entry size 0, expected 64" },
            { "PT_DYNAMIC offset past the end", "segment Dynamic extends past the end of the file" },
            { "PT_DYNAMIC size huge", "segment Dynamic extends past the end of the file" },
            { "DT_STRTAB unmapped", "DT_STRTAB at address 0x7fff0000 is not in any loadable segment" },
            { "DT_STRSZ huge", "DT_STRTAB runs past the end of its segment" },
            { "DT_RELA unmapped", "DT_RELA at address 0x7fff0000 is not in any loadable segment" },
            { "DT_RELASZ huge", "DT_RELA runs past the end of its segment" },
            { "DT_RELAENT 0", "DT_RELAENT is 0, expected 24" },
            { "DT_SYMENT 0", "DT_SYMENT is 0, expected 24" },
            { ".dynsym past the end", "section [3] extends past the end of the file" },
            { ".dynsym sh_entsize 0", ".dynsym sh_entsize is 0, expected 24" },
            { "stripped: DT_GNU_HASH bucket count huge", "GNU hash buckets is larger than the file" },
            { "stripped: DT_GNU_HASH unmapped", "DT_GNU_HASH at address 0x7fff0000 is not in any loadable segment" },
            { "big endian: DT_RELAENT 0", "DT_RELAENT is 0, expected 24" },
            { "big endian: e_shoff past the end", "section header table extends past the end of the file" },
            { "object: .rela.text sh_entsize 0", "relocation section [2] has sh_entsize 0, expected 24" },
            { "object: .rela.text sh_link out of range", "symbol table section index 200 is out of range" },
            { "object: .symtab sh_entsize 0", "symbol table [10] has sh_entsize 0, expected 24" },
            { "object: relocation symbol index huge", "symbol index 16777215 is outside the symbol table (7 entries)" },
            { "object: .rela.text offset past the end", "section [2] extends past the end of the file" },
            { "ELF class 3", "unknown ELF class 3" },
            { "byte order 0", "unknown ELF data encoding 0" },
            { "e_type 0x1234", "unknown ELF type 4660" },
        };

        [Theory]
        [MemberData(nameof(Corruptions))]
        public void Corruption_is_reported_with_its_reason(string corruption, string reason)
        {
            byte[] image = Corrupt(corruption);

            ElfScanResult result = Assert.Single(ElfScanner.Scan(image, "corrupt.so"));

            Assert.Equal(reason, result.Error);
            Assert.Equal("corrupt.so", result.Path);
        }

        [Fact]
        public void Unknown_machine_keeps_the_header_facts_next_to_the_error()
        {
            var elf = ElfBytes.Load(SharedLibrary);
            elf.Set16(0x12, 0x1234);

            ElfScanResult result = Assert.Single(ElfScanner.Scan(elf.Data, "foreign.so"));

            Assert.Equal("machine 4660 is not supported: its TLS relocations are unknown", result.Error);
            Assert.Equal("unknown(4660)", result.Platform.Name);
            Assert.Equal(4660, (int)result.Platform.Machine);
            Assert.Equal(ElfClass.Elf64, result.Platform.Class);
            Assert.Equal(ElfType.SharedObject, result.FileType);
            Assert.Equal("libie_own.so", result.Soname);
        }

        [Fact]
        public void Error_after_the_header_keeps_machine_class_and_type()
        {
            ElfScanResult result = Assert.Single(ElfScanner.Scan(Corrupt("DT_RELAENT 0"), "corrupt.so"));

            Assert.Equal("x86_64", result.Platform.Name);
            Assert.Equal(ElfMachine.X86_64, result.Platform.Machine);
            Assert.Equal(ElfData.LittleEndian, result.Platform.ByteOrder);
            Assert.Equal(ElfType.SharedObject, result.FileType);
        }

        private static byte[] Corrupt(string corruption)
        {
            const ulong Unmapped = 0x7fff0000;
            ElfBytes elf;
            switch (corruption)
            {
                case "e_phoff past the end": return ElfBytes.Load(SharedLibrary).Set64(0x20, 0xffffffffffff0000).Data;
                case "e_shoff past the end": return ElfBytes.Load(SharedLibrary).Set64(0x28, 0x100000).Data;
                case "e_phnum 65535": return ElfBytes.Load(SharedLibrary).Set16(0x38, 0xffff).Data;
                case "e_shnum 65535": return ElfBytes.Load(SharedLibrary).Set16(0x3c, 0xffff).Data;
                case "e_phentsize 0": return ElfBytes.Load(SharedLibrary).Set16(0x36, 0).Data;
                case "e_shentsize 0": return ElfBytes.Load(SharedLibrary).Set16(0x3a, 0).Data;
                case "PT_DYNAMIC offset past the end":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.ProgramHeader(PtDynamic) + 8, 0x7fffffff).Data;
                case "PT_DYNAMIC size huge":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.ProgramHeader(PtDynamic) + 32, 0x4000000000000000).Data;
                case "DT_STRTAB unmapped":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.DynamicEntry(DtStrtab) + 8, Unmapped).Data;
                case "DT_STRSZ huge":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.DynamicEntry(DtStrsz) + 8, ulong.MaxValue).Data;
                case "DT_RELA unmapped":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.DynamicEntry(DtRela) + 8, Unmapped).Data;
                case "DT_RELASZ huge":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.DynamicEntry(DtRelasz) + 8, 0x7fffffffffffffff).Data;
                case "DT_RELAENT 0":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.DynamicEntry(DtRelaent) + 8, 0).Data;
                case "DT_SYMENT 0":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.DynamicEntry(DtSyment) + 8, 0).Data;
                case ".dynsym past the end":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.SectionHeader(ShtDynsym) + 24, 0x10000000).Data;
                case ".dynsym sh_entsize 0":
                    elf = ElfBytes.Load(SharedLibrary);
                    return elf.Set64(elf.SectionHeader(ShtDynsym) + 56, 0).Data;
                case "stripped: DT_GNU_HASH bucket count huge":
                    elf = ElfBytes.Load(Stripped);
                    return elf.Set32((int)elf.U64(elf.DynamicEntry(DtGnuHash) + 8), 0xfffffff0).Data;
                case "stripped: DT_GNU_HASH unmapped":
                    elf = ElfBytes.Load(Stripped);
                    return elf.Set64(elf.DynamicEntry(DtGnuHash) + 8, Unmapped).Data;
                case "big endian: DT_RELAENT 0":
                    elf = ElfBytes.Load(BigEndianLibrary);
                    return elf.Set64(elf.DynamicEntry(DtRelaent) + 8, 0).Data;
                case "big endian: e_shoff past the end": return ElfBytes.Load(BigEndianLibrary).Set64(0x28, 0x100000).Data;
                case "object: .rela.text sh_entsize 0":
                    elf = ElfBytes.Load(ObjectFile);
                    return elf.Set64(elf.SectionHeader(ShtRela) + 56, 0).Data;
                case "object: .rela.text sh_link out of range":
                    elf = ElfBytes.Load(ObjectFile);
                    return elf.Set32(elf.SectionHeader(ShtRela) + 40, 200).Data;
                case "object: .symtab sh_entsize 0":
                    elf = ElfBytes.Load(ObjectFile);
                    return elf.Set64(elf.SectionHeader(ShtSymtab) + 56, 0).Data;
                case "object: relocation symbol index huge":
                    elf = ElfBytes.Load(ObjectFile);
                    int firstRelocation = (int)elf.U64(elf.SectionHeader(ShtRela) + 24);
                    return elf.Set32(firstRelocation + 12, 0xffffff).Data;
                case "object: .rela.text offset past the end":
                    elf = ElfBytes.Load(ObjectFile);
                    return elf.Set64(elf.SectionHeader(ShtRela) + 24, 0xfffffff0).Data;
                case "ELF class 3":
                    elf = ElfBytes.Load(SharedLibrary);
                    elf.Data[4] = 3;
                    return elf.Data;
                case "byte order 0":
                    elf = ElfBytes.Load(SharedLibrary);
                    elf.Data[5] = 0;
                    return elf.Data;
                case "e_type 0x1234": return ElfBytes.Load(SharedLibrary).Set16(0x10, 0x1234).Data;
                default: throw new ArgumentException(corruption);
            }
        }
    }
}
