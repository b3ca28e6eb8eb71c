using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>s390x and 31-bit s390. TLS_LOAD marks the load in an initial-exec sequence.</summary>
    internal static class S390Tls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.S390 },
            "s390",
            "s390x",
            RelocationInfoLayout.Standard,
            new[]
            {
                Static(37, "R_390_TLS_LOAD", SequenceMarker),
                Static(38, "R_390_TLS_GDCALL", GeneralDynamic),
                Static(39, "R_390_TLS_LDCALL", LocalDynamic),
                Static(40, "R_390_TLS_GD32", GeneralDynamic),
                Static(41, "R_390_TLS_GD64", GeneralDynamic),
                Static(42, "R_390_TLS_GOTIE12", InitialExec),
                Static(43, "R_390_TLS_GOTIE32", InitialExec),
                Static(44, "R_390_TLS_GOTIE64", InitialExec),
                Static(45, "R_390_TLS_LDM32", LocalDynamic),
                Static(46, "R_390_TLS_LDM64", LocalDynamic),
                Static(47, "R_390_TLS_IE32", InitialExec),
                Static(48, "R_390_TLS_IE64", InitialExec),
                Static(49, "R_390_TLS_IEENT", InitialExec),
                Static(50, "R_390_TLS_LE32", LocalExec),
                Static(51, "R_390_TLS_LE64", LocalExec),
                Static(52, "R_390_TLS_LDO32", DynamicTlsData),
                Static(53, "R_390_TLS_LDO64", DynamicTlsData),
                Both(54, "R_390_TLS_DTPMOD", GeneralDynamic, DynamicTlsData),
                Both(55, "R_390_TLS_DTPOFF", GeneralDynamic, DynamicTlsData),
                Both(56, "R_390_TLS_TPOFF", StaticTlsDynamic, LocalExec),
                Static(60, "R_390_TLS_GOTIE20", InitialExec),
            });
    }
}
