using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>i386 (REL). TLS_IE/GOTIE/IE_32 are the three initial-exec code sequences.</summary>
    internal static class I386Tls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.I386 },
            "i386",
            "i386",
            RelocationInfoLayout.Standard,
            new[]
            {
                Both(14, "R_386_TLS_TPOFF", StaticTlsDynamic, LocalExec),
                Static(15, "R_386_TLS_IE", InitialExec),
                Static(16, "R_386_TLS_GOTIE", InitialExec),
                Static(17, "R_386_TLS_LE", LocalExec),
                Static(18, "R_386_TLS_GD", GeneralDynamic),
                Static(19, "R_386_TLS_LDM", LocalDynamic),
                Static(24, "R_386_TLS_GD_32", GeneralDynamic),
                Static(25, "R_386_TLS_GD_PUSH", GeneralDynamic),
                Static(26, "R_386_TLS_GD_CALL", GeneralDynamic),
                Static(27, "R_386_TLS_GD_POP", GeneralDynamic),
                Static(28, "R_386_TLS_LDM_32", LocalDynamic),
                Static(29, "R_386_TLS_LDM_PUSH", LocalDynamic),
                Static(30, "R_386_TLS_LDM_CALL", LocalDynamic),
                Static(31, "R_386_TLS_LDM_POP", LocalDynamic),
                Static(32, "R_386_TLS_LDO_32", DynamicTlsData),
                Static(33, "R_386_TLS_IE_32", InitialExec),
                Static(34, "R_386_TLS_LE_32", LocalExec),
                Both(35, "R_386_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(36, "R_386_TLS_DTPOFF32", GeneralDynamic, DynamicTlsData),
                Both(37, "R_386_TLS_TPOFF32", StaticTlsDynamic, LocalExec),
                Static(39, "R_386_TLS_GOTDESC", Descriptor),
                Static(40, "R_386_TLS_DESC_CALL", Descriptor),
                Dynamic(41, "R_386_TLS_DESC", Descriptor),
            });
    }
}
