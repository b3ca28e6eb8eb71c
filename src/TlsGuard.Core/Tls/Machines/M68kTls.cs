using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>Motorola 68000 family.</summary>
    internal static class M68kTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.M68k },
            "m68k",
            "m68k",
            RelocationInfoLayout.Standard,
            new[]
            {
                Static(25, "R_68K_TLS_GD32", GeneralDynamic),
                Static(26, "R_68K_TLS_GD16", GeneralDynamic),
                Static(27, "R_68K_TLS_GD8", GeneralDynamic),
                Static(28, "R_68K_TLS_LDM32", LocalDynamic),
                Static(29, "R_68K_TLS_LDM16", LocalDynamic),
                Static(30, "R_68K_TLS_LDM8", LocalDynamic),
                Static(31, "R_68K_TLS_LDO32", DynamicTlsData),
                Static(32, "R_68K_TLS_LDO16", DynamicTlsData),
                Static(33, "R_68K_TLS_LDO8", DynamicTlsData),
                Static(34, "R_68K_TLS_IE32", InitialExec),
                Static(35, "R_68K_TLS_IE16", InitialExec),
                Static(36, "R_68K_TLS_IE8", InitialExec),
                Static(37, "R_68K_TLS_LE32", LocalExec),
                Static(38, "R_68K_TLS_LE16", LocalExec),
                Static(39, "R_68K_TLS_LE8", LocalExec),
                Both(40, "R_68K_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(41, "R_68K_TLS_DTPREL32", GeneralDynamic, DynamicTlsData),
                Both(42, "R_68K_TLS_TPREL32", StaticTlsDynamic, LocalExec),
            });
    }
}
