using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>C-SKY.</summary>
    internal static class CSkyTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.CSky },
            "csky",
            "csky",
            RelocationInfoLayout.Standard,
            new[]
            {
                Static(51, "R_CKCORE_TLS_LE32", LocalExec),
                Static(52, "R_CKCORE_TLS_IE32", InitialExec),
                Static(53, "R_CKCORE_TLS_GD32", GeneralDynamic),
                Static(54, "R_CKCORE_TLS_LDM32", LocalDynamic),
                Static(55, "R_CKCORE_TLS_LDO32", DynamicTlsData),
                Both(56, "R_CKCORE_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(57, "R_CKCORE_TLS_DTPOFF32", GeneralDynamic, DynamicTlsData),
                Both(58, "R_CKCORE_TLS_TPOFF32", StaticTlsDynamic, LocalExec),
            });
    }
}
