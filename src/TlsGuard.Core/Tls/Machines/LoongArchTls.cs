using TlsGuard.Core.Elf;
using static TlsGuard.Core.Tls.TlsRelocationClass;
using static TlsGuard.Core.Tls.TlsRow;

namespace TlsGuard.Core.Tls.Machines
{
    /// <summary>LoongArch. The SOP_PUSH_* forms are the legacy stack relocations; TLS_DESC* and *_R are newer than binutils 2.40.</summary>
    internal static class LoongArchTls
    {
        public static readonly MachineTlsTable Table = new MachineTlsTable(
            new[] { (ushort)ElfMachine.LoongArch },
            "loongarch32",
            "loongarch64",
            RelocationInfoLayout.Standard,
            new[]
            {
                Both(6, "R_LARCH_TLS_DTPMOD32", GeneralDynamic, DynamicTlsData),
                Both(7, "R_LARCH_TLS_DTPMOD64", GeneralDynamic, DynamicTlsData),
                Both(8, "R_LARCH_TLS_DTPREL32", GeneralDynamic, DynamicTlsData),
                Both(9, "R_LARCH_TLS_DTPREL64", GeneralDynamic, DynamicTlsData),
                Both(10, "R_LARCH_TLS_TPREL32", StaticTlsDynamic, LocalExec),
                Both(11, "R_LARCH_TLS_TPREL64", StaticTlsDynamic, LocalExec),
                Dynamic(13, "R_LARCH_TLS_DESC32", Descriptor),
                Dynamic(14, "R_LARCH_TLS_DESC64", Descriptor),
                Static(26, "R_LARCH_SOP_PUSH_TLS_TPREL", LocalExec),
                Static(27, "R_LARCH_SOP_PUSH_TLS_GOT", InitialExec),
                Static(28, "R_LARCH_SOP_PUSH_TLS_GD", GeneralDynamic),
                Static(83, "R_LARCH_TLS_LE_HI20", LocalExec),
                Static(84, "R_LARCH_TLS_LE_LO12", LocalExec),
                Static(85, "R_LARCH_TLS_LE64_LO20", LocalExec),
                Static(86, "R_LARCH_TLS_LE64_HI12", LocalExec),
                Static(87, "R_LARCH_TLS_IE_PC_HI20", InitialExec),
                Static(88, "R_LARCH_TLS_IE_PC_LO12", InitialExec),
                Static(89, "R_LARCH_TLS_IE64_PC_LO20", InitialExec),
                Static(90, "R_LARCH_TLS_IE64_PC_HI12", InitialExec),
                Static(91, "R_LARCH_TLS_IE_HI20", InitialExec),
                Static(92, "R_LARCH_TLS_IE_LO12", InitialExec),
                Static(93, "R_LARCH_TLS_IE64_LO20", InitialExec),
                Static(94, "R_LARCH_TLS_IE64_HI12", InitialExec),
                Static(95, "R_LARCH_TLS_LD_PC_HI20", LocalDynamic),
                Static(96, "R_LARCH_TLS_LD_HI20", LocalDynamic),
                Static(97, "R_LARCH_TLS_GD_PC_HI20", GeneralDynamic),
                Static(98, "R_LARCH_TLS_GD_HI20", GeneralDynamic),
                Static(111, "R_LARCH_TLS_DESC_PC_HI20", Descriptor),
                Static(112, "R_LARCH_TLS_DESC_PC_LO12", Descriptor),
                Static(113, "R_LARCH_TLS_DESC64_PC_LO20", Descriptor),
                Static(114, "R_LARCH_TLS_DESC64_PC_HI12", Descriptor),
                Static(115, "R_LARCH_TLS_DESC_HI20", Descriptor),
                Static(116, "R_LARCH_TLS_DESC_LO12", Descriptor),
                Static(117, "R_LARCH_TLS_DESC64_LO20", Descriptor),
                Static(118, "R_LARCH_TLS_DESC64_HI12", Descriptor),
                Static(119, "R_LARCH_TLS_DESC_LD", Descriptor),
                Static(120, "R_LARCH_TLS_DESC_CALL", Descriptor),
                Static(121, "R_LARCH_TLS_LE_HI20_R", LocalExec),
                Static(122, "R_LARCH_TLS_LE_ADD_R", LocalExec),
                Static(123, "R_LARCH_TLS_LE_LO12_R", LocalExec),
                Static(124, "R_LARCH_TLS_LD_PCREL20_S2", LocalDynamic),
                Static(125, "R_LARCH_TLS_GD_PCREL20_S2", GeneralDynamic),
                Static(126, "R_LARCH_TLS_DESC_PCREL20_S2", Descriptor),
            });
    }
}
