using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>SPARC (V8, V8+ and V9). LE_HIX22/LE_LOX10 reach the loader only in objects with text relocations.</summary>
    internal static class SparcTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.Sparc, (ushort)ElfMachine.Sparc32Plus, (ushort)ElfMachine.SparcV9 },
            "sparc",
            "sparc64",
            RelocationInfoLayout.SparcV9,
            new[]
            {
                Static(56, "R_SPARC_TLS_GD_HI22", GeneralDynamic),
                Static(57, "R_SPARC_TLS_GD_LO10", GeneralDynamic),
                Static(58, "R_SPARC_TLS_GD_ADD", GeneralDynamic),
                Static(59, "R_SPARC_TLS_GD_CALL", GeneralDynamic),
                Static(60, "R_SPARC_TLS_LDM_HI22", LocalDynamic),
                Static(61, "R_SPARC_TLS_LDM_LO10", LocalDynamic),
                Static(62, "R_SPARC_TLS_LDM_ADD", LocalDynamic),
                Static(63, "R_SPARC_TLS_LDM_CALL", LocalDynamic),
                Static(64, "R_SPARC_TLS_LDO_HIX22", DynamicTlsData),
                Static(65, "R_SPARC_TLS_LDO_LOX10", DynamicTlsData),
                Static(66, "R_SPARC_TLS_LDO_ADD", DynamicTlsData),
                Static(67, "R_SPARC_TLS_IE_HI22", InitialExec),
                Static(68, "R_SPARC_TLS_IE_LO10", InitialExec),
                Static(69, "R_SPARC_TLS_IE_LD", InitialExec),
                Static(70, "R_SPARC_TLS_IE_LDX", InitialExec),
                Static(71, "R_SPARC_TLS_IE_ADD", InitialExec),
                Both(72, "R_SPARC_TLS_LE_HIX22", StaticTlsDynamic, LocalExec),
                Both(73, "R_SPARC_TLS_LE_LOX10", StaticTlsDynamic, LocalExec),
                Both(74, "R_SPARC_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(75, "R_SPARC_TLS_DTPMOD64", GeneralDynamic, DynamicTlsData),
                Both(76, "R_SPARC_TLS_DTPOFF32", GeneralDynamic, DynamicTlsData),
                Both(77, "R_SPARC_TLS_DTPOFF64", GeneralDynamic, DynamicTlsData),
                Both(78, "R_SPARC_TLS_TPOFF32", StaticTlsDynamic, LocalExec),
                Both(79, "R_SPARC_TLS_TPOFF64", StaticTlsDynamic, LocalExec),
            });
    }
}
