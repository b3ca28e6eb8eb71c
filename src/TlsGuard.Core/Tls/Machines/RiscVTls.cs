using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>RISC-V, both widths. The TLSDESC relocations are newer than binutils 2.40's readelf.</summary>
    internal static class RiscVTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.RiscV },
            "riscv32",
            "riscv64",
            RelocationInfoLayout.Standard,
            new[]
            {
                Both(6, "R_RISCV_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(7, "R_RISCV_TLS_DTPMOD64", GeneralDynamic, DynamicTlsData),
                Both(8, "R_RISCV_TLS_DTPREL32", GeneralDynamic, DynamicTlsData),
                Both(9, "R_RISCV_TLS_DTPREL64", GeneralDynamic, DynamicTlsData),
                Both(10, "R_RISCV_TLS_TPREL32", StaticTlsDynamic, LocalExec),
                Both(11, "R_RISCV_TLS_TPREL64", StaticTlsDynamic, LocalExec),
                Dynamic(12, "R_RISCV_TLSDESC", Descriptor),
                Static(21, "R_RISCV_TLS_GOT_HI20", InitialExec),
                Static(22, "R_RISCV_TLS_GD_HI20", GeneralDynamic),
                Static(29, "R_RISCV_TPREL_HI20", LocalExec),
                Static(30, "R_RISCV_TPREL_LO12_I", LocalExec),
                Static(31, "R_RISCV_TPREL_LO12_S", LocalExec),
                Static(32, "R_RISCV_TPREL_ADD", LocalExec),
                Static(49, "R_RISCV_TPREL_I", LocalExec),
                Static(50, "R_RISCV_TPREL_S", LocalExec),
                Static(62, "R_RISCV_TLSDESC_HI20", Descriptor),
                Static(63, "R_RISCV_TLSDESC_LOAD_LO12", Descriptor),
                Static(64, "R_RISCV_TLSDESC_ADD_LO12", Descriptor),
                Static(65, "R_RISCV_TLSDESC_CALL", Descriptor),
            });
    }
}
