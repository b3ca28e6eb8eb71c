using TlsGuard.Core.Elf;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;
using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Tests.Tls
{
    /// <summary>
    /// The per-machine tables against readelf: a synthetic object file carries every relocation number of a table,
    /// readelf names each entry, and the scanner has to decode the same r_info layout and classify every entry.
    /// </summary>
    public sealed class TlsRelocationTableTests : IDisposable
    {
        /// <summary>Relocations binutils added after 2.40 (Debian 12's readelf prints them as unrecognized); a newer readelf must name them.</summary>
        private static readonly HashSet<string> NewerThanBinutils240 = new(StringComparer.Ordinal)
        {
            "R_X86_64_CODE_4_GOTTPOFF", "R_X86_64_CODE_4_GOTPC32_TLSDESC", "R_X86_64_CODE_5_GOTTPOFF",
            "R_X86_64_CODE_5_GOTPC32_TLSDESC", "R_X86_64_CODE_6_GOTTPOFF", "R_X86_64_CODE_6_GOTPC32_TLSDESC",
            "R_RISCV_TLSDESC", "R_RISCV_TLSDESC_HI20", "R_RISCV_TLSDESC_LOAD_LO12", "R_RISCV_TLSDESC_ADD_LO12",
            "R_RISCV_TLSDESC_CALL",
            "R_LARCH_TLS_DESC32", "R_LARCH_TLS_DESC64", "R_LARCH_TLS_DESC_PC_HI20", "R_LARCH_TLS_DESC_PC_LO12",
            "R_LARCH_TLS_DESC64_PC_LO20", "R_LARCH_TLS_DESC64_PC_HI12", "R_LARCH_TLS_DESC_HI20", "R_LARCH_TLS_DESC_LO12",
            "R_LARCH_TLS_DESC64_LO20", "R_LARCH_TLS_DESC64_HI12", "R_LARCH_TLS_DESC_LD", "R_LARCH_TLS_DESC_CALL",
            "R_LARCH_TLS_LE_HI20_R", "R_LARCH_TLS_LE_ADD_R", "R_LARCH_TLS_LE_LO12_R", "R_LARCH_TLS_LD_PCREL20_S2",
            "R_LARCH_TLS_GD_PCREL20_S2", "R_LARCH_TLS_DESC_PCREL20_S2",
        };

        private readonly TempDirectory temp = new();

        public void Dispose() => temp.Dispose();

        /// <summary>Machine, ELF class and byte order per case; names must match in the class the relocation belongs to.</summary>
        public static TheoryData<string, ushort, bool, bool> Layouts() => new()
        {
            { "x86_64", (ushort)ElfMachine.X86_64, true, false },
            { "i386", (ushort)ElfMachine.I386, false, false },
            { "aarch64", (ushort)ElfMachine.AArch64, true, false },
            { "aarch64_ilp32", (ushort)ElfMachine.AArch64, false, false },
            { "arm", (ushort)ElfMachine.Arm, false, false },
            { "ppc64", (ushort)ElfMachine.PowerPC64, true, true },
            { "ppc64", (ushort)ElfMachine.PowerPC64, true, false },
            { "ppc", (ushort)ElfMachine.PowerPC, false, true },
            { "s390x", (ushort)ElfMachine.S390, true, true },
            { "s390", (ushort)ElfMachine.S390, false, true },
            { "riscv64", (ushort)ElfMachine.RiscV, true, false },
            { "riscv32", (ushort)ElfMachine.RiscV, false, false },
            { "loongarch64", (ushort)ElfMachine.LoongArch, true, false },
            { "mips64", (ushort)ElfMachine.Mips, true, false },
            { "mips64", (ushort)ElfMachine.Mips, true, true },
            { "mips", (ushort)ElfMachine.Mips, false, true },
            { "sparc64", (ushort)ElfMachine.SparcV9, true, true },
            { "sparc", (ushort)ElfMachine.Sparc, false, true },
            { "sh", (ushort)ElfMachine.SuperH, false, false },
            { "m68k", (ushort)ElfMachine.M68k, false, true },
            { "arc", (ushort)ElfMachine.ArcCompact2, false, false },
            { "csky", (ushort)ElfMachine.CSky, false, false },
            { "or1k", (ushort)ElfMachine.OpenRisc, false, true },
        };

        [Theory]
        [MemberData(nameof(Layouts))]
        public void Names_match_readelf_and_every_entry_is_decoded(string machineName, ushort machine, bool is64, bool bigEndian)
        {
            MachineTlsTable table = TlsRelocationTables.ForMachine(machine)!;
            List<TlsRelocationType> rows = table.Relocations.Where(r => BelongsTo(machine, r, is64)).ToList();
            byte[] image = SyntheticObject.Build(machine, is64, bigEndian, rows.Select(r => r.Number).ToList());
            string path = temp.Write(machineName + (bigEndian ? "-be" : "-le") + ".o", image);

            List<string> printed = Readelf.RelocationTypes(path);
            Assert.Equal(rows.Count, printed.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                if (!(NewerThanBinutils240.Contains(rows[i].Name) && printed[i].StartsWith("unrecognized", StringComparison.Ordinal)))
                {
                    Assert.Equal(printed[i], rows[i].Name);
                }
            }

            ElfScanResult result = Assert.Single(ElfScanner.Scan(image, path));
            Assert.Null(result.Error);
            Assert.Equal(machineName, result.Platform.Name);
            Assert.Equal(Names(rows, TlsRelocationClass.InitialExec, TlsRelocationClass.LocalExec), result.StaticTlsRelocations.Keys);
            Assert.Equal(Names(rows, TlsRelocationClass.GeneralDynamic, TlsRelocationClass.LocalDynamic, TlsRelocationClass.Descriptor), result.DynamicTlsRelocations.Keys);
            Assert.All(result.StaticTlsRelocations.Values, count => Assert.Equal(1, count));
            if (result.HasStaticTls)
            {
                StaticTlsSymbol symbol = Assert.Single(result.StaticTlsSymbols);
                Assert.Equal("x", symbol.Name);
                Assert.False(symbol.DefinedHere);
            }
        }

        [Fact]
        public void Every_machine_the_tables_name_is_covered_by_a_layout_case()
        {
            var covered = Layouts().Select(row => (ushort)row[1]).ToHashSet();

            Assert.All(TlsRelocationTables.All, table => Assert.Contains(table.Machines, covered.Contains));
        }

        /// <summary>AArch64's P32_* numbers (below 256) exist only in ELFCLASS32, the LP64 ones only in ELFCLASS64.</summary>
        private static bool BelongsTo(ushort machine, TlsRelocationType row, bool is64) =>
            machine != (ushort)ElfMachine.AArch64 || (row.Number >= 256) == is64;

        private static List<string> Names(IEnumerable<TlsRelocationType> rows, params TlsRelocationClass[] classes) =>
            rows.Where(r => r.InObjectFile is TlsRelocationClass c && classes.Contains(c)).Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
