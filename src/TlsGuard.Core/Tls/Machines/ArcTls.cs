using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>ARC (ARCompact and ARCv2). Numbers follow binutils: glibc's elf.h gives DTPOFF_S9 and LE_S9 the same value.</summary>
    internal static class ArcTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.ArcCompact, (ushort)ElfMachine.ArcCompact2 },
            "arc",
            "arc",
            RelocationInfoLayout.Standard,
            new[]
            {
                Both(66, "R_ARC_TLS_DTPMOD", GeneralDynamic, DynamicTlsData),
                Both(67, "R_ARC_TLS_DTPOFF", GeneralDynamic, DynamicTlsData),
                Both(68, "R_ARC_TLS_TPOFF", StaticTlsDynamic, LocalExec),
                Static(69, "R_ARC_TLS_GD_GOT", GeneralDynamic),
                Static(70, "R_ARC_TLS_GD_LD", GeneralDynamic),
                Static(71, "R_ARC_TLS_GD_CALL", GeneralDynamic),
                Static(72, "R_ARC_TLS_IE_GOT", InitialExec),
                Static(73, "R_ARC_TLS_DTPOFF_S9", DynamicTlsData),
                Static(74, "R_ARC_TLS_LE_S9", LocalExec),
                Static(75, "R_ARC_TLS_LE_32", LocalExec),
            });
    }
}
