using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>32-bit ARM (REL), ARM and Thumb code sequences.</summary>
    internal static class ArmTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.Arm },
            "arm",
            "arm",
            RelocationInfoLayout.Standard,
            new[]
            {
                Dynamic(13, "R_ARM_TLS_DESC", Descriptor),
                Both(17, "R_ARM_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(18, "R_ARM_TLS_DTPOFF32", GeneralDynamic, DynamicTlsData),
                Both(19, "R_ARM_TLS_TPOFF32", StaticTlsDynamic, LocalExec),
                Static(90, "R_ARM_TLS_GOTDESC", Descriptor),
                Static(91, "R_ARM_TLS_CALL", Descriptor),
                Static(92, "R_ARM_TLS_DESCSEQ", Descriptor),
                Static(93, "R_ARM_THM_TLS_CALL", Descriptor),
                Static(104, "R_ARM_TLS_GD32", GeneralDynamic),
                Static(105, "R_ARM_TLS_LDM32", LocalDynamic),
                Static(106, "R_ARM_TLS_LDO32", DynamicTlsData),
                Static(107, "R_ARM_TLS_IE32", InitialExec),
                Static(108, "R_ARM_TLS_LE32", LocalExec),
                Static(109, "R_ARM_TLS_LDO12", DynamicTlsData),
                Static(110, "R_ARM_TLS_LE12", LocalExec),
                Static(111, "R_ARM_TLS_IE12GP", InitialExec),
                Static(129, "R_ARM_THM_TLS_DESCSEQ", Descriptor),
            });
    }
}
