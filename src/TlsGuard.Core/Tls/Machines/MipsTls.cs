using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>MIPS, 32- and 64-bit, with the MIPS16 and microMIPS forms. MIPS64 packs three types into r_info.</summary>
    internal static class MipsTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.Mips },
            "mips",
            "mips64",
            RelocationInfoLayout.Mips64,
            new[]
            {
                Both(38, "R_MIPS_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(39, "R_MIPS_TLS_DTPREL32", GeneralDynamic, DynamicTlsData),
                Both(40, "R_MIPS_TLS_DTPMOD64", GeneralDynamic, DynamicTlsData),
                Both(41, "R_MIPS_TLS_DTPREL64", GeneralDynamic, DynamicTlsData),
                Static(42, "R_MIPS_TLS_GD", GeneralDynamic),
                Static(43, "R_MIPS_TLS_LDM", LocalDynamic),
                Static(44, "R_MIPS_TLS_DTPREL_HI16", DynamicTlsData),
                Static(45, "R_MIPS_TLS_DTPREL_LO16", DynamicTlsData),
                Static(46, "R_MIPS_TLS_GOTTPREL", InitialExec),
                Both(47, "R_MIPS_TLS_TPREL32", StaticTlsDynamic, LocalExec),
                Both(48, "R_MIPS_TLS_TPREL64", StaticTlsDynamic, LocalExec),
                Static(49, "R_MIPS_TLS_TPREL_HI16", LocalExec),
                Static(50, "R_MIPS_TLS_TPREL_LO16", LocalExec),
                Static(106, "R_MIPS16_TLS_GD", GeneralDynamic),
                Static(107, "R_MIPS16_TLS_LDM", LocalDynamic),
                Static(108, "R_MIPS16_TLS_DTPREL_HI16", DynamicTlsData),
                Static(109, "R_MIPS16_TLS_DTPREL_LO16", DynamicTlsData),
                Static(110, "R_MIPS16_TLS_GOTTPREL", InitialExec),
                Static(111, "R_MIPS16_TLS_TPREL_HI16", LocalExec),
                Static(112, "R_MIPS16_TLS_TPREL_LO16", LocalExec),
                Static(162, "R_MICROMIPS_TLS_GD", GeneralDynamic),
                Static(163, "R_MICROMIPS_TLS_LDM", LocalDynamic),
                Static(164, "R_MICROMIPS_TLS_DTPREL_HI16", DynamicTlsData),
                Static(165, "R_MICROMIPS_TLS_DTPREL_LO16", DynamicTlsData),
                Static(166, "R_MICROMIPS_TLS_GOTTPREL", InitialExec),
                Static(169, "R_MICROMIPS_TLS_TPREL_HI16", LocalExec),
                Static(170, "R_MICROMIPS_TLS_TPREL_LO16", LocalExec),
            });
    }
}
