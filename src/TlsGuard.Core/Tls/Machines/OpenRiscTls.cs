using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>OpenRISC 1000.</summary>
    internal static class OpenRiscTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.OpenRisc },
            "or1k",
            "or1k",
            RelocationInfoLayout.Standard,
            new[]
            {
                Static(22, "R_OR1K_TLS_GD_HI16", GeneralDynamic),
                Static(23, "R_OR1K_TLS_GD_LO16", GeneralDynamic),
                Static(24, "R_OR1K_TLS_LDM_HI16", LocalDynamic),
                Static(25, "R_OR1K_TLS_LDM_LO16", LocalDynamic),
                Static(26, "R_OR1K_TLS_LDO_HI16", DynamicTlsData),
                Static(27, "R_OR1K_TLS_LDO_LO16", DynamicTlsData),
                Static(28, "R_OR1K_TLS_IE_HI16", InitialExec),
                Static(29, "R_OR1K_TLS_IE_LO16", InitialExec),
                Static(30, "R_OR1K_TLS_LE_HI16", LocalExec),
                Static(31, "R_OR1K_TLS_LE_LO16", LocalExec),
                Both(32, "R_OR1K_TLS_TPOFF", StaticTlsDynamic, LocalExec),
                Both(33, "R_OR1K_TLS_DTPOFF", GeneralDynamic, DynamicTlsData),
                Both(34, "R_OR1K_TLS_DTPMOD", GeneralDynamic, DynamicTlsData),
                Static(37, "R_OR1K_TLS_IE_AHI16", InitialExec),
                Static(38, "R_OR1K_TLS_LE_AHI16", LocalExec),
                Static(41, "R_OR1K_TLS_LE_SLO16", LocalExec),
                Static(44, "R_OR1K_TLS_GD_PG21", GeneralDynamic),
                Static(45, "R_OR1K_TLS_LDM_PG21", LocalDynamic),
                Static(46, "R_OR1K_TLS_IE_PG21", InitialExec),
                Static(49, "R_OR1K_TLS_GD_LO13", GeneralDynamic),
                Static(50, "R_OR1K_TLS_LDM_LO13", LocalDynamic),
                Static(51, "R_OR1K_TLS_IE_LO13", InitialExec),
            });
    }
}
