using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>
    /// 64-bit PowerPC, both byte orders. TPREL16* reach the loader only in objects with text relocations; R_PPC64_TLS
    /// marks the instruction that uses an initial-exec GOT offset.
    /// </summary>
    internal static class PowerPC64Tls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.PowerPC64 },
            "ppc64",
            "ppc64",
            RelocationInfoLayout.Standard,
            new[]
            {
                Static(67, "R_PPC64_TLS", SequenceMarker),
                Both(68, "R_PPC64_DTPMOD64", GeneralDynamic, DynamicTlsData),
                Both(69, "R_PPC64_TPREL16", StaticTlsDynamic, LocalExec),
                Both(70, "R_PPC64_TPREL16_LO", StaticTlsDynamic, LocalExec),
                Both(71, "R_PPC64_TPREL16_HI", StaticTlsDynamic, LocalExec),
                Both(72, "R_PPC64_TPREL16_HA", StaticTlsDynamic, LocalExec),
                Both(73, "R_PPC64_TPREL64", StaticTlsDynamic, LocalExec),
                Static(74, "R_PPC64_DTPREL16", DynamicTlsData),
                Static(75, "R_PPC64_DTPREL16_LO", DynamicTlsData),
                Static(76, "R_PPC64_DTPREL16_HI", DynamicTlsData),
                Static(77, "R_PPC64_DTPREL16_HA", DynamicTlsData),
                Both(78, "R_PPC64_DTPREL64", GeneralDynamic, DynamicTlsData),
                Static(79, "R_PPC64_GOT_TLSGD16", GeneralDynamic),
                Static(80, "R_PPC64_GOT_TLSGD16_LO", GeneralDynamic),
                Static(81, "R_PPC64_GOT_TLSGD16_HI", GeneralDynamic),
                Static(82, "R_PPC64_GOT_TLSGD16_HA", GeneralDynamic),
                Static(83, "R_PPC64_GOT_TLSLD16", LocalDynamic),
                Static(84, "R_PPC64_GOT_TLSLD16_LO", LocalDynamic),
                Static(85, "R_PPC64_GOT_TLSLD16_HI", LocalDynamic),
                Static(86, "R_PPC64_GOT_TLSLD16_HA", LocalDynamic),
                Static(87, "R_PPC64_GOT_TPREL16_DS", InitialExec),
                Static(88, "R_PPC64_GOT_TPREL16_LO_DS", InitialExec),
                Static(89, "R_PPC64_GOT_TPREL16_HI", InitialExec),
                Static(90, "R_PPC64_GOT_TPREL16_HA", InitialExec),
                Static(91, "R_PPC64_GOT_DTPREL16_DS", DynamicTlsData),
                Static(92, "R_PPC64_GOT_DTPREL16_LO_DS", DynamicTlsData),
                Static(93, "R_PPC64_GOT_DTPREL16_HI", DynamicTlsData),
                Static(94, "R_PPC64_GOT_DTPREL16_HA", DynamicTlsData),
                Both(95, "R_PPC64_TPREL16_DS", StaticTlsDynamic, LocalExec),
                Both(96, "R_PPC64_TPREL16_LO_DS", StaticTlsDynamic, LocalExec),
                Both(97, "R_PPC64_TPREL16_HIGHER", StaticTlsDynamic, LocalExec),
                Both(98, "R_PPC64_TPREL16_HIGHERA", StaticTlsDynamic, LocalExec),
                Both(99, "R_PPC64_TPREL16_HIGHEST", StaticTlsDynamic, LocalExec),
                Both(100, "R_PPC64_TPREL16_HIGHESTA", StaticTlsDynamic, LocalExec),
                Static(101, "R_PPC64_DTPREL16_DS", DynamicTlsData),
                Static(102, "R_PPC64_DTPREL16_LO_DS", DynamicTlsData),
                Static(103, "R_PPC64_DTPREL16_HIGHER", DynamicTlsData),
                Static(104, "R_PPC64_DTPREL16_HIGHERA", DynamicTlsData),
                Static(105, "R_PPC64_DTPREL16_HIGHEST", DynamicTlsData),
                Static(106, "R_PPC64_DTPREL16_HIGHESTA", DynamicTlsData),
                Static(107, "R_PPC64_TLSGD", GeneralDynamic),
                Static(108, "R_PPC64_TLSLD", LocalDynamic),
                Both(112, "R_PPC64_TPREL16_HIGH", StaticTlsDynamic, LocalExec),
                Both(113, "R_PPC64_TPREL16_HIGHA", StaticTlsDynamic, LocalExec),
                Static(114, "R_PPC64_DTPREL16_HIGH", DynamicTlsData),
                Static(115, "R_PPC64_DTPREL16_HIGHA", DynamicTlsData),
                Static(146, "R_PPC64_TPREL34", LocalExec),
                Static(147, "R_PPC64_DTPREL34", DynamicTlsData),
                Static(148, "R_PPC64_GOT_TLSGD_PCREL34", GeneralDynamic),
                Static(149, "R_PPC64_GOT_TLSLD_PCREL34", LocalDynamic),
                Static(150, "R_PPC64_GOT_TPREL_PCREL34", InitialExec),
                Static(151, "R_PPC64_GOT_DTPREL_PCREL34", DynamicTlsData),
            });
    }
}
