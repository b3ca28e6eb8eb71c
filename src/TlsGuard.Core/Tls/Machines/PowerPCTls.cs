using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>32-bit PowerPC. TPREL16* reach the loader only in objects with text relocations.</summary>
    internal static class PowerPCTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.PowerPC },
            "ppc",
            "ppc",
            RelocationInfoLayout.Standard,
            new[]
            {
                Static(67, "R_PPC_TLS", SequenceMarker),
                Both(68, "R_PPC_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(69, "R_PPC_TPREL16", StaticTlsDynamic, LocalExec),
                Both(70, "R_PPC_TPREL16_LO", StaticTlsDynamic, LocalExec),
                Both(71, "R_PPC_TPREL16_HI", StaticTlsDynamic, LocalExec),
                Both(72, "R_PPC_TPREL16_HA", StaticTlsDynamic, LocalExec),
                Both(73, "R_PPC_TPREL32", StaticTlsDynamic, LocalExec),
                Static(74, "R_PPC_DTPREL16", DynamicTlsData),
                Static(75, "R_PPC_DTPREL16_LO", DynamicTlsData),
                Static(76, "R_PPC_DTPREL16_HI", DynamicTlsData),
                Static(77, "R_PPC_DTPREL16_HA", DynamicTlsData),
                Both(78, "R_PPC_DTPREL32", GeneralDynamic, DynamicTlsData),
                Static(79, "R_PPC_GOT_TLSGD16", GeneralDynamic),
                Static(80, "R_PPC_GOT_TLSGD16_LO", GeneralDynamic),
                Static(81, "R_PPC_GOT_TLSGD16_HI", GeneralDynamic),
                Static(82, "R_PPC_GOT_TLSGD16_HA", GeneralDynamic),
                Static(83, "R_PPC_GOT_TLSLD16", LocalDynamic),
                Static(84, "R_PPC_GOT_TLSLD16_LO", LocalDynamic),
                Static(85, "R_PPC_GOT_TLSLD16_HI", LocalDynamic),
                Static(86, "R_PPC_GOT_TLSLD16_HA", LocalDynamic),
                Static(87, "R_PPC_GOT_TPREL16", InitialExec),
                Static(88, "R_PPC_GOT_TPREL16_LO", InitialExec),
                Static(89, "R_PPC_GOT_TPREL16_HI", InitialExec),
                Static(90, "R_PPC_GOT_TPREL16_HA", InitialExec),
                Static(91, "R_PPC_GOT_DTPREL16", DynamicTlsData),
                Static(92, "R_PPC_GOT_DTPREL16_LO", DynamicTlsData),
                Static(93, "R_PPC_GOT_DTPREL16_HI", DynamicTlsData),
                Static(94, "R_PPC_GOT_DTPREL16_HA", DynamicTlsData),
                Static(95, "R_PPC_TLSGD", GeneralDynamic),
                Static(96, "R_PPC_TLSLD", LocalDynamic),
            });
    }
}
