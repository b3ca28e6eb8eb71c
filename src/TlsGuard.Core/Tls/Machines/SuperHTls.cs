using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>SuperH.</summary>
    internal static class SuperHTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.SuperH },
            "sh",
            "sh64",
            RelocationInfoLayout.Standard,
            new[]
            {
                Static(144, "R_SH_TLS_GD_32", GeneralDynamic),
                Static(145, "R_SH_TLS_LD_32", LocalDynamic),
                Static(146, "R_SH_TLS_LDO_32", DynamicTlsData),
                Static(147, "R_SH_TLS_IE_32", InitialExec),
                Static(148, "R_SH_TLS_LE_32", LocalExec),
                Both(149, "R_SH_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(150, "R_SH_TLS_DTPOFF32", GeneralDynamic, DynamicTlsData),
                Both(151, "R_SH_TLS_TPOFF32", StaticTlsDynamic, LocalExec),
            });
    }
}
